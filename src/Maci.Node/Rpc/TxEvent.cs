using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>tm.event='Tx': one executed transaction.</summary>
public sealed record TxEvent(IndexedTx Tx) : ChainEvent
{
    public override EventMultimap Events { get; } = EventMultimap.ForTx(Tx.Height, Tx.Hash, Tx.Result.EventList);
}
