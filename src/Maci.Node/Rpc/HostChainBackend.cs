using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

/// <summary>
/// The ready-made <see cref="IChainBackend"/> for the embedded producer: status from the block store,
/// the factory's single validator, and the application's Info/Query through two delegates.
/// </summary>
public sealed class HostChainBackend(
    NodeInfo nodeInfo,
    BlockFactory factory,
    GenesisInfo genesis,
    BlockStore blocks,
    TxIndexer txIndex,
    BlockIndexer blockIndex,
    TxMempool mempool,
    EventBus events,
    Func<CancellationToken, ValueTask<AbciInfo>> info,
    Func<string, byte[], long, bool, CancellationToken, ValueTask<AbciQueryResponse>> query) : IChainBackend
{
    public NodeStatus GetStatus() => NodeStatusBuilder.FromStore(blocks, nodeInfo, factory.Validators[0], LatestHeight);

    public GenesisInfo Genesis { get; } = genesis;

    public ValueTask<AbciInfo> InfoAsync(CancellationToken ct) => info(ct);

    public ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct) =>
        query(path, data, height, prove, ct);

    public IReadOnlyList<ValidatorInfo> ValidatorsAt(long height) => factory.Validators;

    public BlockStore Blocks { get; } = blocks;

    public long LatestHeight => Math.Min(Blocks.Height, BlockIndex.IndexedHeight);

    public TxIndexer TxIndex { get; } = txIndex;

    public BlockIndexer BlockIndex { get; } = blockIndex;

    public TxMempool Mempool { get; } = mempool;

    public EventBus Events { get; } = events;

    public TimeSpan BroadcastTxCommitTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
