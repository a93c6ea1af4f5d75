using Maci.Storage.Tests.Support;
using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class CommitStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Commit_survives_reopen_and_the_unfinished_block_does_not()
    {
        var path = _dir.Sub("state");
        CommitInfo committed;
        using (var store = CommitStore.Open(path))
        {
            var bank = store.RegisterModule("bank");
            Assert.Equal(0, store.LastCommitted.Height);
            store.Working.Module(bank).Set(B("alice"), B("100"));
            store.Commit(1);
            store.Working.Module(bank).Set(B("bob"), B("7"));
            store.Working.Module(bank).Delete(B("alice"));
            committed = store.Commit(2);
            store.Working.Module(bank).Set(B("carol"), B("uncommitted"));
            store.Working.Module(bank).Delete(B("bob"));
            Assert.NotEqual(committed.AppHash, store.ComputeAppHash());
        }
        using var reopened = CommitStore.Open(path);
        var key = reopened.RegisterModule("bank");
        Assert.Equal(committed, reopened.LastCommitted);
        using var snap = reopened.OpenSnapshot();
        Assert.Equal(committed, snap.Committed);
        Assert.Equal(["bob"], All(snap.Module(key)).Select(p => S(p.Key)));
        Assert.Equal("7", S(reopened.Working.Module(key).Get(B("bob"))));
        Assert.Equal(committed.AppHash, reopened.ComputeAppHash());
        Assert.Equal(committed.AppHash, reopened.Commit(3).AppHash);
    }

    [Fact]
    public void Commit_heights_must_increase()
    {
        using var store = CommitStore.InMemory();
        store.Commit(5);
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Commit(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Commit(4));
        Assert.Equal(6, store.Commit(6).Height);
    }

    [Fact]
    public void Modules_cannot_reach_each_others_keys()
    {
        using var store = CommitStore.InMemory();
        var a = store.RegisterModule("a");
        var ab = store.RegisterModule("ab");
        var b = store.RegisterModule("b");
        store.Working.Module(a).Set([2, (byte)'a', (byte)'b'], B("a's"));
        store.Working.Module(ab).Set(B("x"), B("ab's"));
        store.Working.Module(b).Set([], B("b's empty key"));
        store.Commit(1);
        using var snap = store.OpenSnapshot();
        Assert.Equal(["a's"], All(snap.Module(a)).Select(p => S(p.Value)));
        Assert.Equal(["ab's"], All(snap.Module(ab)).Select(p => S(p.Value)));
        Assert.Equal(["b's empty key"], All(snap.Module("b"), reverse: true).Select(p => S(p.Value)));
        Assert.Null(snap.Module(a).Get(B("bx")));

        Assert.Throws<KeyNotFoundException>(() => store.Working.Module("nope"));
        using var other = CommitStore.InMemory();
        var foreign = other.RegisterModule("a");
        Assert.Throws<InvalidOperationException>(() => store.Working.Module(foreign));
        Assert.Throws<InvalidOperationException>(() => store.RegisterModule("a"));
        foreach (var bad in new[] { "", "A", "1x", "a-b", new string('a', 33) })
            Assert.Throws<ArgumentException>(() => store.RegisterModule(bad));
    }

    [Fact]
    public void Transaction_branches_write_back_or_vanish()
    {
        using var store = CommitStore.InMemory();
        var bank = store.RegisterModule("bank");
        var ok = store.Working.Branch();
        ok.Module(bank).Set(B("a"), B("1"));
        Assert.Null(store.Working.Module(bank).Get(B("a")));
        ok.Write();
        var failed = store.Working.Branch();
        failed.Module(bank).Set(B("b"), B("2"));
        var nested = failed.Branch();
        nested.Module(bank).Set(B("c"), B("3"));
        nested.Write();
        Assert.Equal("3", S(failed.Module(bank).Get(B("c"))));
        failed.Discard();
        Assert.Throws<InvalidOperationException>(store.Working.Write);
        Assert.False(store.Working.IsBranch);
        Assert.True(ok.IsBranch);
        store.Commit(1);
        using var snap = store.OpenSnapshot();
        Assert.Equal(["a"], All(snap.Module(bank)).Select(p => S(p.Key)));
    }

    [Fact]
    public void Discarded_block_leaves_the_committed_state()
    {
        using var store = CommitStore.InMemory();
        var bank = store.RegisterModule("bank");
        store.Working.Module(bank).Set(B("a"), B("1"));
        var first = store.Commit(1);
        store.Working.Module(bank).Set(B("a"), B("2"));
        store.ComputeAppHash();
        store.DiscardWorking();
        Assert.Equal("1", S(store.Working.Module(bank).Get(B("a"))));
        Assert.Equal(first.AppHash, store.Commit(2).AppHash);
    }

    [Fact]
    public void CheckTx_branch_reads_the_snapshot_and_cannot_write_back()
    {
        using var store = CommitStore.InMemory();
        var bank = store.RegisterModule("bank");
        store.Working.Module(bank).Set(B("a"), B("1"));
        store.Commit(1);
        using var snap = store.OpenSnapshot();
        var check = snap.Branch();
        check.Module(bank).Set(B("a"), B("pending"));
        var tx = check.Branch();
        tx.Module(bank).Set(B("b"), B("x"));
        tx.Write();
        Assert.Equal("x", S(check.Module(bank).Get(B("b"))));
        Assert.Throws<InvalidOperationException>(check.Write);
        Assert.Equal("1", S(store.Working.Module(bank).Get(B("a"))));
        Assert.Null(snap.Module(bank).Get(B("b")));
    }

    [Fact]
    public async Task Snapshots_are_never_torn_by_concurrent_commits()
    {
        using var store = CommitStore.Open(_dir.Sub("state"));
        var modules = new[] { store.RegisterModule("bank"), store.RegisterModule("rounds") };
        using var stop = new CancellationTokenSource();
        var checkedSnapshots = 0;
        // A dedicated thread: on 2 cores, parallel test classes can keep a pool thread from ever starting.
        var reader = Task.Factory.StartNew(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var snap = store.OpenSnapshot();
                var root = ReferenceTree.Root(ReferenceTree.StateOf(snap, modules));
                Assert.Equal(Convert.ToHexString(snap.AppHash), Convert.ToHexString(root));
                // Every key of block h holds h: a torn read would mix two heights.
                foreach (var m in modules)
                foreach (var (_, v) in All(snap.Module(m)))
                    Assert.Equal(snap.Height, BitConverter.ToInt64(v));
                Interlocked.Increment(ref checkedSnapshots);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // Keep committing until the reader has checked snapshots taken between many different commits.
        for (long h = 1; h <= 60 || Volatile.Read(ref checkedSnapshots) < 20; h++)
        {
            Assert.True(h < 100_000, "the reader thread never ran");
            if (reader.IsFaulted) break;
            foreach (var m in modules)
                for (var k = 0; k < 40; k++)
                    store.Working.Module(m).Set(BitConverter.GetBytes(k), BitConverter.GetBytes(h));
            store.Commit(h);
        }
        stop.Cancel();
        await reader;
        Assert.True(checkedSnapshots >= 20);
    }

    [Fact]
    public void Reopen_rejects_metadata_that_does_not_match_the_tree()
    {
        var db = new MemKvStore();
        using (var store = CommitStore.Open(db))
        {
            store.RegisterModule("bank");
            store.Working.Module("bank").Set(B("a"), B("1"));
            store.Commit(1);
        }
        var meta = db.Get([0x00, (byte)'c'])!;
        meta[^1] ^= 1;
        db.Set([0x00, (byte)'c'], meta);
        Assert.Throws<InvalidDataException>(() => CommitStore.Open(db));
        db.Set([0x00, (byte)'c'], [1, 2, 3]);
        Assert.Throws<InvalidDataException>(() => CommitStore.Open(db));
    }

    [Fact]
    public void Reopen_detects_state_that_does_not_hash_to_the_committed_app_hash()
    {
        var db = new MemKvStore();
        byte[] stateKey;
        using (var store = CommitStore.Open(db))
        {
            var bank = store.RegisterModule("bank");
            store.Working.Module(bank).Set(B("a"), B("1"));
            store.Working.Module(bank).Set(B("b"), B("2"));
            store.Commit(1);
            stateKey = [0x01, .. bank.FullKey(B("a"))];
        }
        Assert.Equal("1", S(db.Get(stateKey)));
        db.Set(stateKey, B("9"));
        var error = Assert.Throws<InvalidDataException>(() => CommitStore.Open(db));
        Assert.Contains("app hash", error.Message);
        db.Set(stateKey, B("1"));
        using var healed = CommitStore.Open(db);
        Assert.Equal(1, healed.LastCommitted.Height);
    }
}
