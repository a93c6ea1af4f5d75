using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>tm.event='NewBlock': a committed block with its FinalizeBlock results.</summary>
public sealed record NewBlockEvent(Block Block, BlockId BlockId, BlockResults Results) : ChainEvent
{
    public override EventMultimap Events { get; } = EventMultimap.ForNewBlock(Results.FinalizeBlockEvents);
}
