using Maci.Node.Chain;

namespace Maci.Node.Store;

/// <summary>One page of tx_search results and the exact number of matches.</summary>
public sealed record TxSearchPage(IReadOnlyList<IndexedTx> Txs, int TotalCount);
