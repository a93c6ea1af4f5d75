namespace Maci.Storage;

/// <summary>Helpers for key ranges defined by a prefix.</summary>
public static class KeyPrefix
{
    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/>, or empty
    /// (no upper bound) when the prefix is empty or all 0xFF.
    /// </summary>
    public static byte[] End(ReadOnlySpan<byte> prefix)
    {
        var i = prefix.Length - 1;
        while (i >= 0 && prefix[i] == 0xFF) i--;
        if (i < 0) return [];
        var end = prefix[..(i + 1)].ToArray();
        end[i]++;
        return end;
    }

    public static byte[] Concat(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> key)
    {
        var full = new byte[prefix.Length + key.Length];
        prefix.CopyTo(full);
        key.CopyTo(full.AsSpan(prefix.Length));
        return full;
    }
}
