using Google.Protobuf;
using Maci.Abci;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Node.Hosting;

/// <summary>The RPC's view of the running node: the ABCI application's Info/Query plus the host's stores, mempool and events.</summary>
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
    public NodeStatus GetStatus() => NodeStatusBuilder.FromStore(Blocks, nodeInfo, factory.Validators[0]);

    public GenesisInfo Genesis { get; } = genesis;

    public async ValueTask<AbciInfo> InfoAsync(CancellationToken ct)
    {
        var r = await app.InfoAsync(new RequestInfo { Version = nodeInfo.Version, BlockVersion = 11, P2PVersion = 8, AbciVersion = "2.0.0" }, ct);
        return new AbciInfo(r.Data, r.Version, r.AppVersion, r.LastBlockHeight, r.LastBlockAppHash.ToByteArray());
    }

    public async ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct) =>
        AbciMapping.ToQueryResponse(await app.QueryAsync(
            new RequestQuery { Path = path, Data = UnsafeByteOperations.UnsafeWrap(data), Height = height, Prove = prove }, ct));

    public IReadOnlyList<ValidatorInfo> ValidatorsAt(long height) => factory.Validators;

    public BlockStore Blocks { get; } = blocks;

    public TxIndexer TxIndex { get; } = txIndex;

    public BlockIndexer BlockIndex { get; } = blockIndex;

    public TxMempool Mempool { get; } = mempool;

    public EventBus Events { get; } = events;
}
