using System.Text;

namespace Maci.Storage.Tests.Support;

public static class Kv
{
    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    public static string S(ReadOnlySpan<byte> b) => Encoding.UTF8.GetString(b);

    /// <summary>Drains an iterator into (key, value) pairs.</summary>
    public static List<(byte[] Key, byte[] Value)> Drain(IKvIterator it)
    {
        var list = new List<(byte[], byte[])>();
        using (it)
        {
            for (; it.Valid; it.Next()) list.Add((it.Key.ToArray(), it.Value.ToArray()));
        }
        return list;
    }

    public static List<(byte[] Key, byte[] Value)> All(IKvReader reader, bool reverse = false) => Drain(reader.Iterate([], [], reverse));

    /// <summary>The oracle's answer for Iterate(start, end, reverse).</summary>
    public static List<(byte[] Key, byte[] Value)> Range(SortedDictionary<byte[], byte[]> oracle, byte[] start, byte[] end, bool reverse)
    {
        var list = oracle
            .Where(p => p.Key.AsSpan().SequenceCompareTo(start) >= 0 && (end.Length == 0 || p.Key.AsSpan().SequenceCompareTo(end) < 0))
            .Select(p => (p.Key, p.Value))
            .ToList();
        if (reverse) list.Reverse();
        return list;
    }

    public static SortedDictionary<byte[], byte[]> NewOracle() => new(ByteKeyComparer.Instance);

    public static void Equal(List<(byte[] Key, byte[] Value)> expected, List<(byte[] Key, byte[] Value)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(Convert.ToHexString(expected[i].Key), Convert.ToHexString(actual[i].Key));
            Assert.Equal(Convert.ToHexString(expected[i].Value), Convert.ToHexString(actual[i].Value));
        }
    }
}
