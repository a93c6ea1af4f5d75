using Maci.Storage.Tests.Support;
using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class CacheKvStoreTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Parents => ["mem", "rocks"];

    private IKvDatabase NewParent(string kind) => kind == "mem" ? new MemKvStore() : RocksKvStore.Open(_dir.Sub(Guid.NewGuid().ToString("N")));

    private static byte[] RandomKey(Random rng)
    {
        // Short keys over a tiny alphabet (including 0x00 and 0xFF) so prefixes, overwrites and deletes collide often.
        var len = rng.Next(0, 4);
        var key = new byte[len];
        for (var i = 0; i < len; i++) key[i] = (byte)(rng.Next(4) switch { 0 => 0x00, 1 => 0x61, 2 => 0x62, _ => 0xFF });
        return key;
    }

    private static void CheckAgainst(SortedDictionary<byte[], byte[]> oracle, IKvReader store, Random rng)
    {
        Equal(Range(oracle, [], [], false), All(store));
        Equal(Range(oracle, [], [], true), All(store, reverse: true));
        for (var i = 0; i < 6; i++)
        {
            var start = RandomKey(rng);
            var end = RandomKey(rng);
            var reverse = rng.Next(2) == 0;
            Equal(Range(oracle, start, end, reverse), Drain(store.Iterate(start, end, reverse)));
        }
        for (var i = 0; i < 6; i++)
        {
            var k = RandomKey(rng);
            Assert.Equal(oracle.TryGetValue(k, out var v) ? Convert.ToHexString(v) : null, store.Get(k) is { } got ? Convert.ToHexString(got) : null);
            Assert.Equal(oracle.ContainsKey(k), store.Has(k));
        }
    }

    private static void RandomOps(Random rng, IKvStore store, SortedDictionary<byte[], byte[]> oracle, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var k = RandomKey(rng);
            if (rng.Next(3) == 0)
            {
                store.Delete(k);
                oracle.Remove(k);
            }
            else
            {
                var v = new byte[rng.Next(0, 3)];
                rng.NextBytes(v);
                store.Set(k, v);
                oracle[k] = v;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Parents))]
    public void Merged_view_matches_a_sorted_dictionary_under_random_operations(string parentKind)
    {
        var rng = new Random(1234);
        using var parent = NewParent(parentKind);
        for (var round = 0; round < 30; round++)
        {
            var committed = NewOracle();
            foreach (var (k, v) in All(parent)) committed[k] = v;

            var block = new CacheKvStore(parent);
            var blockOracle = new SortedDictionary<byte[], byte[]>(committed, ByteKeyComparer.Instance);
            RandomOps(rng, block, blockOracle, 20);
            CheckAgainst(blockOracle, block, rng);

            var tx = new CacheKvStore(block);
            var txOracle = new SortedDictionary<byte[], byte[]>(blockOracle, ByteKeyComparer.Instance);
            RandomOps(rng, tx, txOracle, 15);
            CheckAgainst(txOracle, tx, rng);
            CheckAgainst(blockOracle, block, rng);

            if (rng.Next(2) == 0)
            {
                tx.Write();
                blockOracle = txOracle;
                Assert.Equal(0, tx.DirtyCount);
            }
            CheckAgainst(blockOracle, block, rng);

            if (rng.Next(3) != 0)
            {
                block.Write();
                CheckAgainst(blockOracle, parent, rng);
            }
            else
            {
                block.Discard();
                CheckAgainst(committed, block, rng);
                CheckAgainst(committed, parent, rng);
            }
        }
    }

    [Fact]
    public void Iterator_sees_the_cache_as_of_its_creation()
    {
        var parent = new MemKvStore();
        parent.Set(B("a"), B("p"));
        var cache = new CacheKvStore(parent);
        cache.Set(B("b"), B("c"));
        using var it = cache.Iterate([], []);
        cache.Delete(B("b"));
        cache.Set(B("c"), B("late"));
        Assert.Equal(["a", "b"], Drain(it).Select(p => S(p.Key)));
        Assert.Equal(["a", "c"], All(cache).Select(p => S(p.Key)));
    }

    [Fact]
    public void Deleting_while_iterating_visits_every_key_once()
    {
        var parent = new MemKvStore();
        for (var i = 0; i < 10; i++) parent.Set([(byte)i], [1]);
        var cache = new CacheKvStore(parent);
        var seen = 0;
        using (var it = cache.Iterate([], []))
        {
            for (; it.Valid; it.Next())
            {
                cache.Delete(it.Key);
                seen++;
            }
        }
        Assert.Equal(10, seen);
        Assert.Empty(All(cache));
        Assert.Equal(10, All(parent).Count);
    }

    [Fact]
    public void Tombstone_hides_parent_value_and_write_deletes_it()
    {
        var parent = new MemKvStore();
        parent.Set(B("k"), B("v"));
        var cache = new CacheKvStore(parent);
        cache.Delete(B("k"));
        Assert.Null(cache.Get(B("k")));
        Assert.False(cache.Has(B("k")));
        Assert.True(parent.Has(B("k")));
        cache.Write();
        Assert.False(parent.Has(B("k")));
    }

    [Fact]
    public void Values_returned_are_copies()
    {
        var cache = new CacheKvStore(new MemKvStore());
        var value = B("v");
        cache.Set(B("k"), value);
        value[0] = (byte)'x';
        var got = cache.Get(B("k"))!;
        got[0] = (byte)'y';
        Assert.Equal("v", S(cache.Get(B("k"))));
    }

    [Fact]
    public void Cache_over_a_read_only_view_cannot_be_written_back()
    {
        using var mem = new MemKvStore();
        using var snap = mem.Snapshot();
        var cache = new CacheKvStore(snap);
        cache.Set(B("k"), B("v"));
        Assert.Throws<InvalidOperationException>(cache.Write);
    }
}
