using System.Security.Cryptography;

namespace Maci.Storage.Smt;

/// <summary>The hash functions of the sparse Merkle tree (SHA-256 with one-byte domain tags).</summary>
internal static class SmtHasher
{
    public const int Size = 32;
    private const byte LeafTag = 0x00;
    private const byte InternalTag = 0x01;

    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static byte[] Leaf(ReadOnlySpan<byte> keyHash, ReadOnlySpan<byte> valueHash)
    {
        Span<byte> buf = stackalloc byte[1 + 2 * Size];
        buf[0] = LeafTag;
        keyHash.CopyTo(buf[1..]);
        valueHash.CopyTo(buf[(1 + Size)..]);
        return SHA256.HashData(buf);
    }

    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static byte[] Internal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buf = stackalloc byte[1 + 2 * Size];
        buf[0] = InternalTag;
        left.CopyTo(buf[1..]);
        right.CopyTo(buf[(1 + Size)..]);
        return SHA256.HashData(buf);
    }

    /// <summary>Bit <paramref name="index"/> of a key hash, most significant bit of byte 0 first.</summary>
    public static int Bit(ReadOnlySpan<byte> keyHash, int index) => (keyHash[index >> 3] >> (7 - (index & 7))) & 1;

    /// <summary>True when the first <paramref name="bits"/> bits of both hashes agree.</summary>
    public static bool SharePrefix(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int bits)
    {
        var whole = bits >> 3;
        if (!a[..whole].SequenceEqual(b[..whole])) return false;
        var rest = bits & 7;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
