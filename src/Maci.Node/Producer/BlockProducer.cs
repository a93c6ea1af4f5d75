using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Store;

namespace Maci.Node.Producer;

/// <summary>
/// The embedded single-validator block producer: reaps the mempool, runs the application through one
/// height in CometBFT's order, stores the block and its results, commits, updates the mempool, indexes
/// the txs and the block, and publishes NewBlock and Tx events. Indexing and events come after Commit, as
/// in CometBFT, so a client that finds a tx (tx, tx_search, a Tx event) can query the state it produced.
/// Heights are produced one at a time.
/// </summary>
public sealed class BlockProducer(
    BlockFactory factory,
    IBlockApplication app,
    BlockStore blocks,
    TxIndexer index,
    BlockIndexer blockIndex,
    TxMempool mempool,
    EventBus events,
    byte[] genesisAppHash,
    Func<ChainTime> clock,
    long initialHeight = 1)
{
    /// <summary>CometBFT's MaxBlockSizeBytes, used when BlockMaxBytes is −1.</summary>
    public const long MaxBlockSizeBytes = 104857600;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>
    /// Called at each <see cref="ProducerStage"/> of a height with its block (tests use it to pause or fail a
    /// height between steps). An exception stops the height there, as a crash would.
    /// </summary>
    public Func<ProducerStage, Block, ValueTask>? StageReached { get; init; }

    /// <summary>The bytes available to txs in a block (CometBFT's MaxDataBytes with no evidence).</summary>
    public static long MaxDataBytes(long blockMaxBytes, int validatorCount)
    {
        var maxBytes = blockMaxBytes == -1 ? MaxBlockSizeBytes : blockMaxBytes;
        var data = maxBytes - 11 /* block overhead */ - 626 /* header */ - (94 + 111L * validatorCount) /* commit */;
        if (data < 0) throw new InvalidOperationException($"Block.MaxBytes={blockMaxBytes} is too small for header and commit");
        return data;
    }

    public async Task<ProducedBlock> ProduceBlockAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await ProduceLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Produces a block every <paramref name="interval"/> (timeout_commit; empty blocks included) until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await ProduceBlockAsync(ct);
            try
            {
                await Task.Delay(interval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Handshake replay: re-executes stored blocks above the application's last committed height
    /// (FinalizeBlock + Commit) and checks each app hash against the stored results.
    /// </summary>
    public async Task ReplayAsync(long appLastHeight, CancellationToken ct = default)
    {
        if (appLastHeight > blocks.Height)
            throw new InvalidOperationException($"app block height {appLastHeight} too high (store height {blocks.Height})");
        for (var h = Math.Max(appLastHeight + 1, blocks.Base); h <= blocks.Height && h > 0; h++)
        {
            var block = blocks.LoadBlock(h)!;
            var id = blocks.LoadBlockId(h)!;
            var outcome = await app.FinalizeBlockAsync(block, id, ct);
            var stored = blocks.LoadResults(h)!;
            if (!outcome.AppHash.AsSpan().SequenceEqual(stored.AppHash))
                throw new InvalidOperationException(
                    $"app hash mismatch replaying height {h}: got {Convert.ToHexString(outcome.AppHash)}, stored {Convert.ToHexString(stored.AppHash)}");
            await app.CommitAsync(ct);
        }
    }

    /// <summary>
    /// Indexes the stored heights above the index's marker (after a crash between Commit and indexing), from
    /// the stored blocks and results. Call after <see cref="ReplayAsync"/>, before serving. Returns how many
    /// heights were indexed.
    /// </summary>
    public int ReindexMissing()
    {
        var from = Math.Max(blockIndex.IndexedHeight + 1, blocks.Base);
        var count = 0;
        for (var h = from; h <= blocks.Height && h > 0; h++)
        {
            var block = blocks.LoadBlock(h) ?? throw new InvalidOperationException($"block {h} missing from the block store");
            var results = blocks.LoadResults(h) ?? throw new InvalidOperationException($"results of block {h} missing from the block store");
            Index(h, block.Txs, results);
            count++;
        }
        return count;
    }

    private void Index(long height, IReadOnlyList<byte[]> txs, BlockResults results)
    {
        index.IndexBlock(height, txs, results.TxResults);
        blockIndex.IndexBlock(height, results.FinalizeBlockEvents); // moves the indexed-height marker last
    }

    private async ValueTask Stage(ProducerStage stage, Block block)
    {
        if (StageReached is { } hook) await hook(stage, block);
    }

    private async Task<ProducedBlock> ProduceLockedAsync(CancellationToken ct)
    {
        var latest = blocks.Height;
        var height = latest == 0 ? initialHeight : latest + 1;
        BlockId lastId = BlockId.Empty;
        Commit lastCommit = Commit.Empty;
        byte[] appHash = genesisAppHash;
        byte[] lastResultsHash = MerkleTree.Root([]);
        ChainTime? lastTime = null;
        if (latest != 0)
        {
            lastId = blocks.LoadBlockId(latest)!;
            lastCommit = blocks.LoadCommit(latest)!;
            var lastResults = blocks.LoadResults(latest)!;
            appHash = lastResults.AppHash;
            lastResultsHash = ExecTxResult.ComputeResultsHash(lastResults.TxResults);
            lastTime = blocks.LoadBlock(latest)!.Header.Time;
        }

        var time = NextTime(lastTime);
        var maxDataBytes = MaxDataBytes(factory.ConsensusParams.BlockMaxBytes, factory.Validators.Count);
        var reapBytes = factory.ConsensusParams.BlockMaxBytes == -1 ? -1 : maxDataBytes;
        var candidates = mempool.ReapMaxBytesMaxGas(reapBytes, factory.ConsensusParams.BlockMaxGas);
        var txs = await app.PrepareProposalAsync(height, time, candidates, maxDataBytes, factory.Key.Address, ct);
        var size = txs.Sum(t => TxMempool.ProtoSizeInData(t.Length));
        if (size > maxDataBytes)
            throw new InvalidOperationException($"PrepareProposal returned {size} bytes of txs, above the limit {maxDataBytes}");

        var block = factory.MakeBlock(height, time, lastId, lastCommit, txs, appHash, lastResultsHash);
        var blockId = block.ComputeBlockId();
        if (!await app.ProcessProposalAsync(block, blockId, ct))
            throw new InvalidOperationException($"the application rejected its own proposal at height {height}");
        var outcome = await app.FinalizeBlockAsync(block, blockId, ct);
        if (outcome.TxResults.Count != txs.Count)
            throw new InvalidOperationException($"FinalizeBlock returned {outcome.TxResults.Count} results for {txs.Count} txs");

        var commit = factory.MakeCommit(height, blockId, time);
        var results = new BlockResults(height, outcome.TxResults, outcome.Events, outcome.ValidatorUpdates,
            outcome.ConsensusParamUpdates, outcome.AppHash);
        blocks.SaveBlock(block, blockId, commit, results);
        await Stage(ProducerStage.BlockSaved, block);

        // The height is decided once stored: finish it whatever the caller's token says (a crash from here on
        // is recovered by the handshake replay and ReindexMissing).
        using (await mempool.LockForCommitAsync(CancellationToken.None))
        {
            await app.CommitAsync(CancellationToken.None);
            await mempool.UpdateAsync(height, txs, outcome.TxResults, CancellationToken.None);
        }
        await Stage(ProducerStage.Committed, block);

        Index(height, txs, results);
        await Stage(ProducerStage.Indexed, block);

        events.Publish(new NewBlockEvent(block, blockId, results));
        for (var i = 0; i < txs.Count; i++)
            events.Publish(new TxEvent(new IndexedTx(TxHash.Compute(txs[i]), height, (uint)i, txs[i], outcome.TxResults[i])));
        return new ProducedBlock(block, blockId, commit, results);
    }

    /// <summary>Block times must strictly increase; a clock that stalls or goes back is nudged forward by 1 ms.</summary>
    private ChainTime NextTime(ChainTime? last)
    {
        var now = clock();
        if (last is not { } prev || now.CompareTo(prev) > 0) return now;
        var nanos = prev.Nanos + 1_000_000;
        return nanos >= 1_000_000_000 ? new ChainTime(prev.Seconds + 1, nanos - 1_000_000_000) : new ChainTime(prev.Seconds, nanos);
    }
}
