using Google.Protobuf;
using Maci.Abci;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Node.Hosting;

/// <summary>
/// The RPC's view of the running node: the ABCI application's Info/Query plus the host's stores, mempool and
/// events. Calls into the application pass through <see cref="Calls"/>, which the node closes (and drains)
/// before it disposes the application and its databases.
/// </summary>
public sealed class AppChainBackend(
    IAbciApplication app,
    GenesisInfo genesis,
    BlockFactory factory,
    NodeInfo nodeInfo,
    BlockStore blocks,
    TxIndexer txIndex,
    BlockIndexer blockIndex,
    TxMempool mempool,
    EventBus events) : IChainBackend
{
    /// <summary>Calls in progress into the application and the stores; closed at shutdown.</summary>
    public InFlightGate Calls { get; } = new();

    public NodeStatus GetStatus()
    {
        using var _ = Calls.Enter();
        return NodeStatusBuilder.FromStore(Blocks, nodeInfo, factory.Validators[0], LatestHeight);
    }

    public GenesisInfo Genesis { get; } = genesis;

    public async ValueTask<AbciInfo> InfoAsync(CancellationToken ct)
    {
        using var _ = Calls.Enter();
        var r = await app.InfoAsync(new RequestInfo { Version = nodeInfo.Version, BlockVersion = 11, P2PVersion = 8, AbciVersion = "2.0.0" }, ct);
        return new AbciInfo(r.Data, r.Version, r.AppVersion, r.LastBlockHeight, r.LastBlockAppHash.ToByteArray());
    }

    public async ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct)
    {
        using var _ = Calls.Enter();
        return AbciMapping.ToQueryResponse(await app.QueryAsync(
            new RequestQuery { Path = path, Data = UnsafeByteOperations.UnsafeWrap(data), Height = height, Prove = prove }, ct));
    }

    public IReadOnlyList<ValidatorInfo> ValidatorsAt(long height) => factory.Validators;

    public BlockStore Blocks { get; } = blocks;

    public long LatestHeight => Math.Min(Blocks.Height, BlockIndex.IndexedHeight);

    public TxIndexer TxIndex { get; } = txIndex;

    public BlockIndexer BlockIndex { get; } = blockIndex;

    public TxMempool Mempool { get; } = mempool;

    public EventBus Events { get; } = events;
}
