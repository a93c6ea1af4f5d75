using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

/// <summary>
/// What the RPC needs from the node: the application's Info/Query, the validator set, and the
/// host's block store, tx index, mempool and event bus. The RPC builds every endpoint on top of these.
/// </summary>
public interface IChainBackend
{
    NodeStatus GetStatus();

    GenesisInfo Genesis { get; }

    /// <summary>ABCI Info (abci_info).</summary>
    ValueTask<AbciInfo> InfoAsync(CancellationToken ct);

    /// <summary>ABCI Query against committed state (height 0 = latest). Must set Height in the answer.</summary>
    ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct);

    /// <summary>The validator set at a height (the embedded producer has one validator).</summary>
    IReadOnlyList<ValidatorInfo> ValidatorsAt(long height);

    BlockStore Blocks { get; }

    /// <summary>
    /// The latest height the RPC serves as "latest" (status, block, commit, ... without a height): the latest
    /// height the application has committed and the indexes hold. CometBFT reports its block store height,
    /// which runs ahead of the application's committed state while a height executes; reporting the committed
    /// and indexed height instead means a client can always abci_query at the height status reports and
    /// find every tx of the blocks it can see.
    /// </summary>
    long LatestHeight => Math.Min(Blocks.Height, BlockIndex.IndexedHeight);

    TxIndexer TxIndex { get; }

    BlockIndexer BlockIndex { get; }

    TxMempool Mempool { get; }

    EventBus Events { get; }

    /// <summary>How long broadcast_tx_commit waits for the tx to be committed (CometBFT default 10 s).</summary>
    TimeSpan BroadcastTxCommitTimeout => TimeSpan.FromSeconds(10);
}
