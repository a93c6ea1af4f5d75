using Maci.Node.Chain;

namespace Maci.Node.Store;

/// <summary>Per-block summary for the blockchain endpoint.</summary>
public sealed record BlockMeta(BlockId BlockId, long BlockSize, Header Header, int NumTxs);
