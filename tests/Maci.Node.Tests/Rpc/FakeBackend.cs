using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

/// <summary>A backend over a TestChain: the app accepts every tx except ones starting with "bad".</summary>
internal sealed class FakeBackend : IChainBackend
{
    public FakeBackend(TestChain chain)
    {
        Chain = chain;
        Mempool = new TxMempool(new MempoolOptions(), (tx, _, _) => ValueTask.FromResult(
            tx.AsSpan().StartsWith("bad"u8)
                ? new CheckTxResult(Code: 5, Log: "insufficient funds", Codespace: "sdk")
                : new CheckTxResult(GasWanted: 1000)));
    }

    public TestChain Chain { get; }

    public List<(string Path, byte[] Data, long Height, bool Prove)> Queries { get; } = [];

    public TimeSpan BroadcastTxCommitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public NodeStatus GetStatus() =>
        NodeStatusBuilder.FromStore(Blocks, new NodeInfo(NodeStatusBuilder.NodeId(Chain.Factory.Key.PubKey), TestChain.ChainId, "maci-node"),
            ValidatorsAt(0)[0], ((IChainBackend)this).LatestHeight);

    public GenesisInfo Genesis => new(new ChainTime(1_700_000_000, 0), TestChain.ChainId, 1, Chain.Factory.ConsensusParams,
        [new GenesisValidator(Chain.Factory.Key.Address, Chain.Factory.Key.PubKey, 10, "validator")], [0xAB], "{\"bank\":{}}");

    public ValueTask<AbciInfo> InfoAsync(CancellationToken ct) =>
        ValueTask.FromResult(new AbciInfo("maci", "0.1.0", 1, Blocks.Height, Blocks.LoadResults(Blocks.Height)?.AppHash ?? []));

    public ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct)
    {
        lock (Queries) Queries.Add((path, data, height, prove));
        return ValueTask.FromResult(path == "/missing"
            ? new AbciQueryResponse(Code: 22, Log: "rpc error: code = NotFound desc = not found", Height: Blocks.Height, Codespace: "sdk")
            : new AbciQueryResponse(Value: [1, 2, 3], Height: height == 0 ? Blocks.Height : height));
    }

    public IReadOnlyList<ValidatorInfo> ValidatorsAt(long height) => Chain.Factory.Validators;

    public BlockStore Blocks => Chain.Blocks;

    public TxIndexer TxIndex => Chain.Index;

    public BlockIndexer BlockIndex => Chain.BlockIndex;

    public TxMempool Mempool { get; }

    public EventBus Events { get; } = new();

    /// <summary>Commits the mempool's txs as the next block and publishes the events, as the producer will.</summary>
    public async Task ProduceBlockAsync()
    {
        var txs = Mempool.ReapMaxBytesMaxGas(-1, -1);
        var (block, id) = Chain.Append(txs);
        var results = Blocks.LoadResults(block.Header.Height)!;
        await Mempool.UpdateAsync(block.Header.Height, txs, results.TxResults);
        Events.Publish(new NewBlockEvent(block, id, results));
        for (var i = 0; i < txs.Count; i++)
            Events.Publish(new TxEvent(new IndexedTx(TxHash.Compute(txs[i]), block.Header.Height, (uint)i, txs[i], results.TxResults[i])));
    }
}
