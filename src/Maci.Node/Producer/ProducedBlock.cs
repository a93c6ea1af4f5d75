using Maci.Node.Chain;

namespace Maci.Node.Producer;

/// <summary>A block the producer committed, with its id, commit and results.</summary>
public sealed record ProducedBlock(Block Block, BlockId BlockId, Commit Commit, BlockResults Results);
