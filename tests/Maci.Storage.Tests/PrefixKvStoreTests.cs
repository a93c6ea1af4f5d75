using static Maci.Storage.Tests.Support.Kv;

namespace Maci.Storage.Tests;

public sealed class PrefixKvStoreTests
{
    [Fact]
    public void Prefix_views_only_see_their_own_keys()
    {
        var root = new MemKvStore();
        root.Set(B("a"), B("outside-before"));
        root.Set(B("b/"), B("bare-prefix-key"));
        root.Set(B("b/x"), B("1"));
        root.Set(B("b/y"), B("2"));
        root.Set(B("c"), B("outside-after"));
        root.Set(B("b0"), B("sibling"));
        var view = new PrefixKvStore(root, B("b/"));
        Assert.Equal(["", "x", "y"], All(view).Select(p => S(p.Key)));
        Assert.Equal(["y", "x", ""], All(view, reverse: true).Select(p => S(p.Key)));
        Assert.Equal(["x"], Drain(view.Iterate(B("x"), B("y"))).Select(p => S(p.Key)));
        Assert.Equal("1", S(view.Get(B("x"))));
        Assert.Null(view.Get(B("c")));
        view.Set(B("z"), B("3"));
        view.Delete(B("x"));
        Assert.Equal("3", S(root.Get(B("b/z"))));
        Assert.Null(root.Get(B("b/x")));
    }

    [Fact]
    public void All_ff_prefix_has_no_upper_bound_but_stays_inside()
    {
        var root = new MemKvStore();
        root.Set([0xFE, 0xFF], B("below"));
        root.Set([0xFF], B("bare"));
        root.Set([0xFF, 0x00], B("in"));
        root.Set([0xFF, 0xFF, 0xFF], B("in2"));
        var view = new PrefixKvReader(root, [0xFF]);
        Assert.Equal(["bare", "in", "in2"], All(view).Select(p => S(p.Value)));
        Assert.Equal(["in2", "in", "bare"], All(view, reverse: true).Select(p => S(p.Value)));
    }

    [Fact]
    public void IteratePrefix_returns_whole_keys_inside_the_prefix()
    {
        var root = new MemKvStore();
        foreach (var k in new[] { "a", "ab", "abc", "abd", "ac", "b" }) root.Set(B(k), B(k));
        Assert.Equal(["ab", "abc", "abd"], Drain(root.IteratePrefix(B("ab"))).Select(p => S(p.Key)));
        Assert.Equal(["abd", "abc", "ab"], Drain(root.IteratePrefix(B("ab"), reverse: true)).Select(p => S(p.Key)));
    }

    [Fact]
    public void Prefix_end_is_the_smallest_key_after_the_prefix()
    {
        Assert.Equal([0x01, 0x03], KeyPrefix.End([0x01, 0x02]));
        Assert.Equal([0x02], KeyPrefix.End([0x01, 0xFF, 0xFF]));
        Assert.Empty(KeyPrefix.End([0xFF, 0xFF]));
        Assert.Empty(KeyPrefix.End([]));
    }
}
