using Maci.Sdk.Store;
using Maci.Sdk.Tests.Support;
using Maci.Storage;

namespace Maci.Sdk.Tests;

public class CacheStoreTests
{
    private static byte[] B(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    private static List<string> Keys(IKvReader r, string start = "", string end = "", bool reverse = false)
    {
        var keys = new List<string>();
        using var it = r.Iterate(B(start), B(end), reverse);
        for (; it.Valid; it.Next()) keys.Add(System.Text.Encoding.UTF8.GetString(it.Key));
        return keys;
    }

    [Fact]
    public void Nested_caches_merge_iterate_and_write_through()
    {
        var root = new CacheStore(new EmptyStore());
        root.Set(B("a"), B("1"));
        root.Set(B("c"), B("3"));
        root.Set(B("e"), B("5"));
        var child = new CacheStore(root);
        child.Set(B("b"), B("2"));
        child.Delete(B("c"));
        child.Set(B("e"), B("50"));
        Assert.Equal(["a", "b", "e"], Keys(child));
        Assert.Equal(["e", "b", "a"], Keys(child, reverse: true));
        Assert.Equal(["b"], Keys(child, "b", "e"));
        Assert.Equal(["a", "c", "e"], Keys(root));
        Assert.Equal(B("50"), child.Get(B("e")));
        Assert.False(child.Has(B("c")));
        child.Write();
        Assert.Equal(["a", "b", "e"], Keys(root));
        Assert.Equal(B("50"), root.Get(B("e")));
        Assert.Equal(0, child.PendingWrites);
    }

    [Fact]
    public void A_dropped_cache_leaves_the_parent_unchanged()
    {
        var root = new CacheStore(new EmptyStore());
        root.Set(B("k"), B("v"));
        var child = new CacheStore(root);
        child.Delete(B("k"));
        child.Set(B("x"), B("y"));
        Assert.Equal(B("v"), root.Get(B("k")));
        Assert.Null(root.Get(B("x")));
    }

    [Fact]
    public void Writing_into_a_read_only_parent_throws()
    {
        var c = new CacheStore(new EmptyStore());
        c.Set(B("a"), B("b"));
        Assert.Throws<InvalidOperationException>(c.Write);
    }
}
