using System.Security.Cryptography;
using System.Text;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Producer;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Producer;

public class BlockProducerTests
{
    /// <summary>A toy app: state hash chains sha256 over executed txs; "bad*" txs fail CheckTx and execution.</summary>
    private sealed class HashChainApp : IBlockApplication
    {
        private byte[] _pending = [];

        public byte[] Committed { get; private set; } = [0xAB];
        public List<string> Calls { get; } = [];
        public Func<IReadOnlyList<byte[]>, IReadOnlyList<byte[]>> Prepare { get; set; } = txs => txs;
        public bool Corrupt { get; set; }

        public ValueTask<IReadOnlyList<byte[]>> PrepareProposalAsync(long height, ChainTime time, IReadOnlyList<byte[]> txs,
            long maxTxBytes, byte[] proposer, CancellationToken ct)
        {
            Calls.Add($"prepare {height}");
            return ValueTask.FromResult(Prepare(txs));
        }

        public ValueTask<bool> ProcessProposalAsync(Block block, BlockId blockId, CancellationToken ct)
        {
            Calls.Add($"process {block.Header.Height}");
            return ValueTask.FromResult(true);
        }

        public ValueTask<FinalizeBlockOutcome> FinalizeBlockAsync(Block block, BlockId blockId, CancellationToken ct)
        {
            Calls.Add($"finalize {block.Header.Height}");
            var state = Committed;
            var results = new List<ExecTxResult>();
            foreach (var tx in block.Txs)
            {
                var ok = !tx.AsSpan().StartsWith("bad"u8);
                if (ok) state = SHA256.HashData([.. state, .. tx]);
                results.Add(ok
                    ? new ExecTxResult(GasUsed: tx.Length, Events: [new AbciEvent("app", new AbciEventAttribute("tx", Encoding.UTF8.GetString(tx), true))])
                    : new ExecTxResult(Code: 2, Log: "bad tx", Codespace: "app"));
            }
            _pending = Corrupt ? [0] : state;
            return ValueTask.FromResult(new FinalizeBlockOutcome(results,
                [new AbciEvent("block", new AbciEventAttribute("height", block.Header.Height.ToString(), false))], [], null, _pending));
        }

        public ValueTask CommitAsync(CancellationToken ct)
        {
            Calls.Add("commit");
            Committed = _pending;
            return ValueTask.CompletedTask;
        }

        public ValueTask<CheckTxResult> CheckTxAsync(byte[] tx, CheckTxKind kind, CancellationToken ct)
        {
            Calls.Add($"check {kind}");
            return ValueTask.FromResult(tx.AsSpan().StartsWith("bad"u8) ? new CheckTxResult(Code: 2) : new CheckTxResult(GasWanted: 10));
        }
    }

    private sealed class Node
    {
        public Node(Func<ChainTime>? clock = null, ConsensusParams? consensusParams = null, Func<ProducerStage, Block, ValueTask>? stages = null)
        {
            Factory = new BlockFactory("producer-test", new ValidatorKey(new byte[32]), 10, consensusParams ?? new ConsensusParams(), 1);
            Mempool = new TxMempool(new MempoolOptions(), (tx, kind, ct) => App.CheckTxAsync(tx, kind, ct));
            Producer = new BlockProducer(Factory, App, Blocks, Index, BlockIndex, Mempool, Events, [0xAB], clock ?? Tick, 1)
            {
                StageReached = stages,
            };
        }

        private long _seconds = 1_800_000_000;
        private ChainTime Tick() => new(_seconds++, 0);

        public HashChainApp App { get; } = new();
        public Maci.Storage.MemKvStore Kv { get; } = new();
        public BlockFactory Factory { get; }
        public BlockStore Blocks => new(Kv);
        public TxIndexer Index => new(Kv);
        public BlockIndexer BlockIndex => new(Kv, Blocks);
        public TxMempool Mempool { get; }
        public EventBus Events { get; } = new();
        public BlockProducer Producer { get; }
    }

    [Fact]
    public async Task Produces_linked_blocks_in_cometbft_call_order()
    {
        var node = new Node();
        var b1 = await node.Producer.ProduceBlockAsync();
        await node.Mempool.CheckTxAsync("one"u8.ToArray());
        await node.Mempool.CheckTxAsync("two"u8.ToArray());
        await node.Mempool.CheckTxAsync("three"u8.ToArray());
        node.App.Calls.Clear();
        var b2 = await node.Producer.ProduceBlockAsync();
        var b3 = await node.Producer.ProduceBlockAsync();

        Assert.Equal(["prepare 2", "process 2", "finalize 2", "commit", "prepare 3", "process 3", "finalize 3", "commit"], node.App.Calls);
        Assert.Equal([0xAB], b1.Block.Header.AppHash);
        Assert.Equal(b1.Results.AppHash, b2.Block.Header.AppHash);
        Assert.Equal(b2.Results.AppHash, b3.Block.Header.AppHash);
        Assert.Equal(ExecTxResult.ComputeResultsHash(b2.Results.TxResults), b3.Block.Header.LastResultsHash);
        Assert.Equal(MerkleTree.Root([]), b1.Block.Header.LastResultsHash);
        Assert.Equal(b2.BlockId.Hash, b3.Block.Header.LastBlockId.Hash);
        Assert.Equal(3, b2.Block.Txs.Count);
        Assert.Empty(b3.Block.Txs);
        Assert.Equal(0, node.Mempool.Size);
        Assert.Equal(3, node.Blocks.Height);
        Assert.Single(node.Index.SearchAll(Maci.Node.Query.EventQuery.Parse("app.tx='two'")));
        Assert.Equal([2L, 3L], node.BlockIndex.SearchAll(Maci.Node.Query.EventQuery.Parse("block.height >= 2")));
        Assert.Equal(node.App.Committed, b3.Results.AppHash);
    }

    [Fact]
    public async Task Publishes_new_block_and_tx_events_and_rechecks_mempool()
    {
        var node = new Node();
        using var blocksSub = node.Events.Subscribe("t", "tm.event='NewBlock'");
        using var txSub = node.Events.Subscribe("t", "tm.event='Tx' AND app.tx='x'");
        await node.Mempool.CheckTxAsync("x"u8.ToArray());
        await node.Mempool.CheckTxAsync("y"u8.ToArray());
        node.App.Prepare = txs => txs.Take(1).ToArray(); // leaves "y" pending
        await node.Producer.ProduceBlockAsync();
        Assert.True(blocksSub.Reader.TryRead(out var nb));
        Assert.Equal(1, ((NewBlockEvent)nb!).Block.Header.Height);
        Assert.True(txSub.Reader.TryRead(out var te));
        Assert.Equal("x"u8.ToArray(), ((TxEvent)te!).Tx.Tx);
        Assert.False(txSub.Reader.TryRead(out _));
        Assert.Equal(1, node.Mempool.Size);
        Assert.Contains("check Recheck", node.App.Calls);
    }

    [Fact]
    public async Task Stalled_clock_still_gives_increasing_times()
    {
        var fixedTime = new ChainTime(1_800_000_000, 999_500_000);
        var node = new Node(() => fixedTime);
        var a = await node.Producer.ProduceBlockAsync();
        var b = await node.Producer.ProduceBlockAsync();
        Assert.Equal(fixedTime, a.Block.Header.Time);
        Assert.Equal(new ChainTime(1_800_000_001, 500_000), b.Block.Header.Time);
    }

    [Fact]
    public async Task Oversized_proposal_is_refused()
    {
        var node = new Node(consensusParams: new ConsensusParams(BlockMaxBytes: 1000));
        Assert.Equal(1000 - 11 - 626 - 205, BlockProducer.MaxDataBytes(1000, 1));
        node.App.Prepare = _ => [new byte[200]];
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => node.Producer.ProduceBlockAsync());
        Assert.Contains("above the limit 158", e.Message);
        Assert.Equal(0, node.Blocks.Height);
    }

    [Fact]
    public async Task Replay_reexecutes_blocks_above_the_app_height_and_checks_app_hash()
    {
        var node = new Node();
        await node.Mempool.CheckTxAsync("a"u8.ToArray());
        await node.Producer.ProduceBlockAsync();
        await node.Mempool.CheckTxAsync("b"u8.ToArray());
        await node.Producer.ProduceBlockAsync();
        var finalState = node.App.Committed;

        var restarted = new HashChainApp();
        var producer = new BlockProducer(node.Factory, restarted, node.Blocks, node.Index, node.BlockIndex, node.Mempool, node.Events, [0xAB],
            () => new ChainTime(1_900_000_000, 0));
        await producer.ReplayAsync(0);
        Assert.Equal(finalState, restarted.Committed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => producer.ReplayAsync(5));

        var corrupt = new HashChainApp { Corrupt = true };
        var bad = new BlockProducer(node.Factory, corrupt, node.Blocks, node.Index, node.BlockIndex, node.Mempool, node.Events, [0xAB],
            () => new ChainTime(1_900_000_000, 0));
        Assert.Contains("app hash mismatch replaying height 1", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad.ReplayAsync(0))).Message);
    }

    [Fact]
    public async Task Indexes_and_publishes_only_after_the_app_committed()
    {
        Node node = null!;
        var seen = new List<string>();
        var committedBefore = Array.Empty<byte>();
        node = new Node(stages: (stage, block) =>
        {
            if (block.Txs.Count == 0) return ValueTask.CompletedTask;
            var h = block.Header.Height;
            var indexed = node.Index.Get(TxHash.Compute("x"u8.ToArray())) is not null;
            var appCommitted = !node.App.Committed.AsSpan().SequenceEqual(committedBefore);
            seen.Add($"{stage} h={h} store={node.Blocks.Height} indexed={node.BlockIndex.IndexedHeight} tx={indexed} app={appCommitted}");
            return ValueTask.CompletedTask;
        });
        await node.Producer.ProduceBlockAsync();
        committedBefore = node.App.Committed;
        using var txSub = node.Events.Subscribe("t", "tm.event='Tx'");
        await node.Mempool.CheckTxAsync("x"u8.ToArray());
        await node.Producer.ProduceBlockAsync();

        Assert.Equal([
            "BlockSaved h=2 store=2 indexed=1 tx=False app=False",
            "Committed h=2 store=2 indexed=1 tx=False app=True",
            "Indexed h=2 store=2 indexed=2 tx=True app=True",
        ], seen);
        Assert.True(txSub.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Stop_between_commit_and_indexing_is_caught_up_by_ReindexMissing()
    {
        var fail = false;
        var node = new Node(stages: (stage, _) =>
            fail && stage == ProducerStage.Committed ? throw new IOException("killed after Commit") : ValueTask.CompletedTask);
        using var txSub = node.Events.Subscribe("t", "tm.event='Tx'");
        await node.Mempool.CheckTxAsync("a"u8.ToArray());
        await node.Producer.ProduceBlockAsync();
        await node.Mempool.CheckTxAsync("b"u8.ToArray());
        await node.Mempool.CheckTxAsync("c"u8.ToArray());
        fail = true;
        await Assert.ThrowsAsync<IOException>(() => node.Producer.ProduceBlockAsync());

        // Stored and committed, but neither indexed nor announced.
        Assert.Equal(2, node.Blocks.Height);
        Assert.Equal(1, node.BlockIndex.IndexedHeight);
        Assert.Null(node.Index.Get(TxHash.Compute("b"u8.ToArray())));
        Assert.Equal(node.Blocks.LoadResults(2)!.AppHash, node.App.Committed);
        Assert.True(txSub.Reader.TryRead(out _)); // "a" only
        Assert.False(txSub.Reader.TryRead(out _));

        var restarted = new BlockProducer(node.Factory, node.App, node.Blocks, node.Index, node.BlockIndex, node.Mempool, node.Events, [0xAB],
            () => new ChainTime(1_900_000_000, 0));
        await restarted.ReplayAsync(2); // the app is at the store height: nothing to replay
        Assert.Equal(1, restarted.ReindexMissing());
        Assert.Equal(0, restarted.ReindexMissing());
        Assert.Equal(2, node.BlockIndex.IndexedHeight);
        var c = node.Index.Get(TxHash.Compute("c"u8.ToArray()));
        Assert.Equal((2L, 1u), (c!.Height, c.Index));
        Assert.Equal([2L], node.BlockIndex.SearchAll(Maci.Node.Query.EventQuery.Parse("block.height = 2")));

        // Indexing is idempotent: indexing every height again changes no search result.
        foreach (var h in new long[] { 1, 2 })
        {
            var block = node.Blocks.LoadBlock(h)!;
            var results = node.Blocks.LoadResults(h)!;
            node.Index.IndexBlock(h, block.Txs, results.TxResults);
            node.BlockIndex.IndexBlock(h, results.FinalizeBlockEvents);
        }
        Assert.Equal(["a", "b", "c"], node.Index.SearchAll(Maci.Node.Query.EventQuery.Parse("app.tx EXISTS")).Select(t => Encoding.UTF8.GetString(t.Tx)));
        Assert.Equal([1L, 2L], node.BlockIndex.SearchAll(Maci.Node.Query.EventQuery.Parse("block.height >= 1")));
        Assert.Equal(2, node.BlockIndex.IndexedHeight);

        // Production continues on top.
        await restarted.ProduceBlockAsync();
        Assert.Equal(3, node.BlockIndex.IndexedHeight);
    }
}
