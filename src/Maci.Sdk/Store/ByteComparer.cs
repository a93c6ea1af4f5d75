namespace Maci.Sdk.Store;

/// <summary>Unsigned lexicographic byte order (the order of every store), usable as a collection comparer.</summary>
public sealed class ByteComparer : IComparer<byte[]>, IEqualityComparer<byte[]>
{
    public static ByteComparer Instance { get; } = new();

    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var h = new HashCode();
        h.AddBytes(obj);
        return h.ToHashCode();
    }

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>; empty when none exists.</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xff)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }
        return [];
    }
}
