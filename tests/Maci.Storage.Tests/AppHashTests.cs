using Maci.Storage.Tests.Support;
using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class AppHashTests
{
    [Fact]
    public void Empty_state_has_the_all_zero_hash()
    {
        using var store = CommitStore.InMemory();
        Assert.Equal(new CommitInfo(0, new byte[32]), store.LastCommitted);
        Assert.Equal(new byte[32], store.ComputeAppHash());
        Assert.Equal(new byte[32], store.Commit(1).AppHash);
        Assert.Equal(SmtVerifier.EmptyRoot.ToArray(), store.LastCommitted.AppHash);
    }

    [Fact]
    public void Incremental_tree_matches_a_from_scratch_reference_over_random_blocks()
    {
        var db = new MemKvStore();
        var store = CommitStore.Open(db);
        var modules = new[] { store.RegisterModule("bank"), store.RegisterModule("rounds") };
        var rng = new Random(99);
        for (var h = 1; h <= 40; h++)
        {
            // Block 1 is large enough for the two halves of the tree to be updated in parallel.
            var ops = h == 1 ? 900 : h % 13 == 0 ? 0 : rng.Next(1, 120);
            for (var i = 0; i < ops; i++)
            {
                var module = store.Working.Module(modules[rng.Next(2)]);
                var key = BitConverter.GetBytes(rng.Next(h < 30 ? 400 : 40));
                if (rng.Next(h < 30 ? 4 : 1) == 0) module.Delete(key);
                else module.Set(key, BitConverter.GetBytes(rng.Next()));
            }
            if (h == 35)
            {
                // Delete everything: the tree must shrink back to the empty hash.
                using var snap = store.OpenSnapshot();
                foreach (var m in modules)
                foreach (var (k, _) in All(snap.Module(m)))
                    store.Working.Module(m).Delete(k);
            }
            var info = store.Commit(h);
            using var after = store.OpenSnapshot();
            var root = ReferenceTree.Root(ReferenceTree.StateOf(after, modules));
            Assert.Equal(Convert.ToHexString(root), Convert.ToHexString(info.AppHash));
            Assert.Equal(Convert.ToHexString(root), Convert.ToHexString(after.AppHash));
            if (h == 35) Assert.Equal(new byte[32], info.AppHash);
            if (h % 10 == 0)
            {
                // Reopening rebuilds the tree from the stored state alone and must land on the same root.
                store.Dispose();
                store = CommitStore.Open(db);
                modules = [store.RegisterModule("bank"), store.RegisterModule("rounds")];
                Assert.Equal(info, store.LastCommitted);
            }
        }
        store.Dispose();
    }

    [Fact]
    public void Same_final_writes_in_any_order_or_split_give_the_same_hash()
    {
        var rng = new Random(5);
        var writes = Enumerable.Range(0, 300).Select(i => (Key: BitConverter.GetBytes(i * 7919), Value: BitConverter.GetBytes(rng.Next()))).ToList();

        byte[] Run(IEnumerable<(byte[] Key, byte[] Value)> order, bool noise, bool split)
        {
            using var store = CommitStore.InMemory();
            var m = store.RegisterModule("bank");
            var height = 0;
            var i = 0;
            foreach (var (k, v) in order)
            {
                if (noise)
                {
                    store.Working.Module(m).Set(k, [9, 9]);
                    store.Working.Module(m).Delete(k);
                }
                store.Working.Module(m).Set(k, v);
                if (split && ++i % 50 == 0) store.Commit(++height);
            }
            return store.Commit(++height).AppHash;
        }

        var expected = Run(writes, noise: false, split: false);
        Assert.Equal(expected, Run(writes.AsEnumerable().Reverse(), noise: false, split: false));
        Assert.Equal(expected, Run(writes.OrderBy(_ => rng.Next()).ToList(), noise: true, split: false));
        Assert.Equal(expected, Run(writes.OrderBy(_ => rng.Next()).ToList(), noise: false, split: true));
    }

    [Fact]
    public void Any_state_difference_changes_the_hash()
    {
        byte[] Hash(Action<MultiStore> write)
        {
            using var store = CommitStore.InMemory();
            store.RegisterModule("bank");
            store.RegisterModule("rounds");
            store.Working.Module("bank").Set(B("alice"), B("100"));
            store.Working.Module("bank").Set(B("bob"), B("5"));
            write(store.Working);
            return store.Commit(1).AppHash;
        }

        var baseline = Hash(_ => { });
        var variants = new[]
        {
            Hash(w => w.Module("bank").Set(B("alice"), B("101"))),
            Hash(w => w.Module("bank").Set(B("carol"), B("0"))),
            Hash(w => w.Module("bank").Set(B("carol"), [])),
            Hash(w => w.Module("bank").Delete(B("bob"))),
            Hash(w =>
            {
                w.Module("bank").Delete(B("bob"));
                w.Module("rounds").Set(B("bob"), B("5"));
            }),
        };
        Assert.All(variants, v => Assert.NotEqual(Convert.ToHexString(baseline), Convert.ToHexString(v)));
        Assert.Equal(variants.Length, variants.Select(Convert.ToHexString).Distinct().Count());
        Assert.Equal(baseline, Hash(w => w.Module("bank").Set(B("bob"), B("5"))));
    }

    [Fact]
    public void ComputeAppHash_predicts_the_commit_and_tracks_later_writes()
    {
        using var store = CommitStore.InMemory();
        var m = store.RegisterModule("bank");
        store.Working.Module(m).Set(B("a"), B("1"));
        var first = store.ComputeAppHash();
        Assert.Equal(first, store.ComputeAppHash());
        store.Working.Module(m).Set(B("b"), B("2"));
        var second = store.ComputeAppHash();
        Assert.NotEqual(first, second);
        Assert.Equal(second, store.Commit(1).AppHash);
        Assert.Equal(second, store.ComputeAppHash());
    }
}
