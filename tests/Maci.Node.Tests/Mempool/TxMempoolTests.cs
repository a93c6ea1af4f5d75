using System.Text;
using Maci.Node.Chain;
using Maci.Node.Mempool;

namespace Maci.Node.Tests.Mempool;

public class TxMempoolTests
{
    private sealed class FakeApp
    {
        public HashSet<string> Rejected { get; } = [];
        public List<(string Tx, CheckTxKind Kind)> Calls { get; } = [];

        public ValueTask<CheckTxResult> Check(byte[] tx, CheckTxKind kind, CancellationToken ct)
        {
            var s = Encoding.UTF8.GetString(tx);
            lock (Calls) Calls.Add((s, kind));
            return ValueTask.FromResult(Rejected.Contains(s)
                ? new CheckTxResult(Code: 5, Log: "insufficient funds", Codespace: "sdk")
                : new CheckTxResult(GasWanted: 100));
        }
    }

    private static byte[] Tx(string s) => Encoding.UTF8.GetBytes(s);

    private static Task<CheckTxResult> Check(TxMempool pool, string tx) => pool.CheckTxAsync(Tx(tx)).AsTask();

    [Fact]
    public async Task Admits_in_fifo_order_and_rejects_duplicates_with_cometbft_error()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        Assert.True((await Check(pool, "a")).IsOk);
        Assert.True((await Check(pool, "b")).IsOk);
        var e = await Assert.ThrowsAsync<MempoolException>(() => Check(pool, "a"));
        Assert.Equal("tx already exists in cache", e.Message);
        Assert.Equal(MempoolErrorKind.TxInCache, e.Kind);
        Assert.Equal(["a", "b"], pool.ReapMaxTxs(-1).Select(Encoding.UTF8.GetString));
        Assert.Equal(2, pool.Size);
        Assert.Equal(2, pool.SizeBytes);
    }

    [Fact]
    public async Task Failed_check_is_returned_and_not_cached()
    {
        var app = new FakeApp();
        app.Rejected.Add("bad");
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        var r = await Check(pool, "bad");
        Assert.Equal(5u, r.Code);
        Assert.Equal(0, pool.Size);
        app.Rejected.Clear();
        Assert.True((await Check(pool, "bad")).IsOk); // may be retried once valid
    }

    [Fact]
    public async Task Bounds_count_bytes_and_tx_size()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(MaxTxs: 2, MaxTxsBytes: 10, MaxTxBytes: 4), app.Check);
        await Check(pool, "1234");
        var big = await Assert.ThrowsAsync<MempoolException>(() => Check(pool, "12345"));
        Assert.Equal("Tx too large. Max size is 4, but got 5", big.Message);
        var bytes = await Assert.ThrowsAsync<MempoolException>(() => Check(pool, "1234567"));
        Assert.Equal(MempoolErrorKind.MempoolFull, bytes.Kind);
        Assert.Equal("mempool is full: number of txs 1 (max: 2), total txs bytes 4 (max: 10)", bytes.Message);
        await Check(pool, "x");
        Assert.Equal(MempoolErrorKind.MempoolFull, (await Assert.ThrowsAsync<MempoolException>(() => Check(pool, "y"))).Kind);
    }

    [Fact]
    public async Task Reaps_by_proto_bytes_and_gas()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        foreach (var s in new[] { "aaaa", "bbbb", "cccc" }) await Check(pool, s);
        // each 4-byte tx costs 1 tag + 1 length + 4 = 6 bytes inside Data
        Assert.Equal(2, pool.ReapMaxBytesMaxGas(12, -1).Count);
        Assert.Single(pool.ReapMaxBytesMaxGas(11, -1));
        Assert.Equal(2, pool.ReapMaxBytesMaxGas(-1, 250).Count);
        Assert.Equal(3, pool.ReapMaxBytesMaxGas(-1, -1).Count);
        Assert.Empty(pool.ReapMaxBytesMaxGas(5, -1));
        Assert.Equal(303, TxMempool.ProtoSizeInData(300)); // 300 needs a 2-byte length varint
    }

    [Fact]
    public async Task Update_removes_committed_and_rechecks_the_rest()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        foreach (var s in new[] { "a", "b", "c", "d" }) await Check(pool, s);
        app.Rejected.Add("c"); // state changed: c is no longer valid
        await pool.UpdateAsync(1, [Tx("a"), Tx("b")], [new ExecTxResult(), new ExecTxResult(Code: 3)]);
        Assert.Equal(["d"], pool.ReapMaxTxs(-1).Select(Encoding.UTF8.GetString));
        Assert.Equal(1, pool.Height);
        Assert.Contains(("c", CheckTxKind.Recheck), app.Calls);
        await Assert.ThrowsAsync<MempoolException>(() => Check(pool, "a")); // committed ok: stays cached
        Assert.True((await Check(pool, "b")).IsOk);                        // committed failed: may come again
        app.Rejected.Clear();
        Assert.True((await Check(pool, "c")).IsOk);                        // evicted by recheck: not cached
    }

    [Fact]
    public async Task Recheck_can_be_disabled()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(Recheck: false), app.Check);
        await Check(pool, "a");
        app.Rejected.Add("a");
        await pool.UpdateAsync(1, [], []);
        Assert.Equal(1, pool.Size);
        Assert.DoesNotContain(("a", CheckTxKind.Recheck), app.Calls);
    }

    [Fact]
    public async Task Cache_is_lru_bounded()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(CacheSize: 2), app.Check);
        await Check(pool, "a");
        await Check(pool, "b");
        await Check(pool, "c"); // evicts "a" from the cache (it stays in the pool)
        await pool.UpdateAsync(1, [Tx("a")], [new ExecTxResult(Code: 1)]);
        Assert.True((await Check(pool, "a")).IsOk);
    }

    [Fact]
    public async Task Commit_lock_holds_back_check_tx()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        var handle = await pool.LockForCommitAsync();
        var pending = Check(pool, "late");
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        handle.Dispose();
        Assert.True((await pending).IsOk);
    }

    [Fact]
    public async Task Concurrent_check_tx_admits_each_distinct_tx_once()
    {
        var app = new FakeApp();
        var pool = new TxMempool(new MempoolOptions(), app.Check);
        var errors = 0;
        await Parallel.ForAsync(0, 400, async (i, _) =>
        {
            try { await Check(pool, "t" + (i % 100)); }
            catch (MempoolException) { Interlocked.Increment(ref errors); }
        });
        Assert.Equal(100, pool.Size);
        Assert.Equal(300, errors);
    }

    [Fact]
    public async Task App_failure_leaves_the_tx_retryable()
    {
        var fail = true;
        var pool = new TxMempool(new MempoolOptions(), (_, _, _) =>
            fail ? throw new IOException("app connection lost") : ValueTask.FromResult(new CheckTxResult()));
        await Assert.ThrowsAsync<IOException>(() => Check(pool, "t"));
        fail = false;
        Assert.True((await Check(pool, "t")).IsOk);
        Assert.Equal(1, pool.Size);
    }
}
