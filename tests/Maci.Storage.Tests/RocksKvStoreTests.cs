using Maci.Storage.Tests.Support;
using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class RocksKvStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Put_get_delete_round_trip()
    {
        using var db = RocksKvStore.Open(_dir.Sub("db"));
        Assert.Null(db.Get(B("a")));
        Assert.False(db.Has(B("a")));
        db.Set(B("a"), B("1"));
        db.Set(B("b"), []);
        Assert.Equal("1", S(db.Get(B("a"))));
        Assert.Empty(db.Get(B("b"))!);
        Assert.True(db.Has(B("b")));
        db.Delete(B("a"));
        Assert.Null(db.Get(B("a")));
        db.Delete(B("never-there"));
    }

    [Fact]
    public void Iterators_respect_bounds_in_both_directions()
    {
        using var db = RocksKvStore.Open(_dir.Sub("db"));
        foreach (var k in new[] { "a", "b", "ba", "c", "d" }) db.Set(B(k), B(k.ToUpperInvariant()));
        Assert.Equal(["b", "ba", "c"], Drain(db.Iterate(B("b"), B("d"))).Select(p => S(p.Key)));
        Assert.Equal(["c", "ba", "b"], Drain(db.Iterate(B("b"), B("d"), reverse: true)).Select(p => S(p.Key)));
        Assert.Equal(["d", "c", "ba", "b", "a"], Drain(db.Iterate([], [], reverse: true)).Select(p => S(p.Key)));
        Assert.Equal(["ba", "c"], Drain(db.Iterate(B("b0"), B("c0"))).Select(p => S(p.Key)));
        Assert.Equal(["c", "ba"], Drain(db.Iterate(B("b0"), B("c0"), reverse: true)).Select(p => S(p.Key)));
        Assert.Empty(Drain(db.Iterate(B("e"), [])));
        Assert.Empty(Drain(db.Iterate(B("c"), B("b"))));
        Assert.Equal("BA", S(Drain(db.Iterate(B("ba"), B("c")))[0].Value));
    }

    [Fact]
    public void Snapshot_does_not_see_later_writes()
    {
        using var db = RocksKvStore.Open(_dir.Sub("db"));
        db.Set(B("k"), B("old"));
        using var snap = db.Snapshot();
        db.Set(B("k"), B("new"));
        db.Set(B("k2"), B("x"));
        Assert.Equal("old", S(snap.Get(B("k"))));
        Assert.Null(snap.Get(B("k2")));
        Assert.Equal(["k"], Drain(snap.Iterate([], [])).Select(p => S(p.Key)));
        Assert.Equal("new", S(db.Get(B("k"))));
    }

    [Fact]
    public void Write_batch_applies_all_operations_together()
    {
        using var db = RocksKvStore.Open(_dir.Sub("db"));
        db.Set(B("gone"), B("x"));
        using var batch = db.NewBatch();
        batch.Put(B("a"), B("1"));
        batch.Put(B("a"), B("2"));
        batch.Delete(B("gone"));
        Assert.Equal(3, batch.Count);
        Assert.Equal("x", S(db.Get(B("gone"))));
        db.Write(batch, sync: true);
        Assert.Equal("2", S(db.Get(B("a"))));
        Assert.Null(db.Get(B("gone")));
    }

    [Fact]
    public void Data_survives_reopen()
    {
        var path = _dir.Sub("db");
        using (var db = RocksKvStore.Open(path))
        {
            using var batch = db.NewBatch();
            batch.Put(B("k"), B("v"));
            db.Write(batch, sync: true);
        }
        using var again = RocksKvStore.Open(path);
        Assert.Equal("v", S(again.Get(B("k"))));
    }

    [Fact]
    public void Errors_carry_rocksdb_message()
    {
        var path = _dir.Sub("db");
        using var db = RocksKvStore.Open(path);
        var locked = Assert.Throws<RocksDbException>(() => RocksKvStore.Open(path));
        Assert.Contains("lock", locked.Message, StringComparison.OrdinalIgnoreCase);
        var missing = Assert.Throws<RocksDbException>(() => RocksKvStore.Open(_dir.Sub("none"), new RocksOptions { CreateIfMissing = false }));
        Assert.Contains("does not exist", missing.Message);
    }

    [Fact]
    public void Iterator_keeps_the_database_alive_after_dispose()
    {
        var db = RocksKvStore.Open(_dir.Sub("db"));
        db.Set(B("a"), B("1"));
        db.Set(B("b"), B("2"));
        var snap = db.Snapshot();
        var it = snap.Iterate([], []);
        db.Dispose();
        snap.Dispose();
        Assert.Equal("a", S(it.Key));
        it.Next();
        Assert.Equal("2", S(it.Value));
        it.Next();
        Assert.False(it.Valid);
        Assert.Throws<InvalidOperationException>(() => it.Key.Length);
        it.Dispose();
        Assert.Throws<ObjectDisposedException>(() => db.Get(B("a")));
        Assert.Throws<ObjectDisposedException>(() => db.Snapshot());
        Assert.Throws<ObjectDisposedException>(() => db.Iterate([], []));
    }

    [Fact]
    public void Foreign_batches_are_rejected()
    {
        using var db = RocksKvStore.Open(_dir.Sub("db"));
        using var mem = new MemKvStore();
        using var batch = mem.NewBatch();
        Assert.Throws<ArgumentException>(() => db.Write(batch, sync: false));
    }
}
