using Maci.Node.Chain;
using Maci.Node.Store;
using Maci.Storage;

namespace Maci.Node.Tests.Store;

/// <summary>Produces a short chain with the block factory into a block store and tx index.</summary>
internal sealed class TestChain
{
    public const string ChainId = "maci-test-1";

    public TestChain(IKvStore? kv = null)
    {
        Kv = kv ?? new MemKvStore();
        Factory = new BlockFactory(ChainId, new ValidatorKey(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()), 10,
            new ConsensusParams(), 1);
        Blocks = new BlockStore(Kv);
        Index = new TxIndexer(Kv);
        BlockIndex = new BlockIndexer(Kv, Blocks);
    }

    public IKvStore Kv { get; }

    public BlockFactory Factory { get; }

    public BlockStore Blocks { get; }

    public TxIndexer Index { get; }

    public BlockIndexer BlockIndex { get; }

    public static ChainTime TimeAt(long height) => new(1_700_000_000 + height, 500_000_000);

    /// <summary>Appends a block whose tx i gets the given result (defaults: code 0, transfer events).</summary>
    public (Block Block, BlockId Id) Append(IReadOnlyList<byte[]> txs, Func<int, ExecTxResult>? result = null)
    {
        var height = Blocks.Height + 1;
        var lastId = height == 1 ? BlockId.Empty : Blocks.LoadBlockId(height - 1)!;
        var lastCommit = height == 1 ? Commit.Empty : Blocks.LoadCommit(height - 1)!;
        var lastResults = height == 1 ? [] : Blocks.LoadResults(height - 1)!.TxResults;
        var appHash = height == 1 ? new byte[] { 0xAB } : Blocks.LoadResults(height - 1)!.AppHash;
        var block = Factory.MakeBlock(height, TimeAt(height), lastId, lastCommit, txs, appHash,
            ExecTxResult.ComputeResultsHash(lastResults));
        var id = block.ComputeBlockId();
        var results = txs.Select((_, i) => result?.Invoke(i) ?? DefaultResult(height, i)).ToArray();
        Blocks.SaveBlock(block, id, Factory.MakeCommit(height, id, TimeAt(height)),
            new BlockResults(height, results, BlockEvents(height), [], null, [(byte)height, 0xCD]));
        Index.IndexBlock(height, txs, results);
        BlockIndex.IndexBlock(height, BlockEvents(height));
        return (block, id);
    }

    /// <summary>Block events: an indexed "mint.phase" (odd/even height) and an unindexed "mint.note".</summary>
    public static AbciEvent[] BlockEvents(long height) =>
        [new AbciEvent("mint", new AbciEventAttribute("phase", height % 2 == 0 ? "even" : "odd", true), new AbciEventAttribute("note", "n", false))];

    public static ExecTxResult DefaultResult(long height, int i) => new(
        GasWanted: 200_000, GasUsed: 50_000 + i,
        Events:
        [
            new AbciEvent("message", new AbciEventAttribute("sender", $"sender{i % 2}", true), new AbciEventAttribute("module", "bank", false)),
            new AbciEvent("transfer", new AbciEventAttribute("amount", $"{height * 10 + i}stake", true)),
        ]);

    public static byte[] Tx(long height, int i) => System.Text.Encoding.UTF8.GetBytes($"tx-{height}-{i}");
}
