using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Maci.Storage.Smt;

/// <summary>The hash functions of the sparse Merkle tree (SHA-256 with one-byte domain tags).</summary>
internal static class SmtHasher
{
    public const int Size = 32;

    /// <summary>Longest possible path: two keys would need a 255-bit SHA-256 prefix collision to go deeper.</summary>
    public const int MaxDepth = 255;

    private const byte LeafTag = 0x00;
    private const byte InternalTag = 0x01;

    private static readonly byte[] EmptyHash = new byte[Size];

    /// <summary>Hash of an empty subtree, and of the empty state.</summary>
    public static ReadOnlySpan<byte> Empty => EmptyHash;

    public static byte[] Hash(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    public static byte[] Leaf(ReadOnlySpan<byte> keyHash, ReadOnlySpan<byte> valueHash)
    {
        var hash = new byte[Size];
        Leaf(keyHash, valueHash, hash);
        return hash;
    }

    public static byte[] Internal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Internal(left, right, hash);
        return hash;
    }

    [SkipLocalsInit]
    public static void Leaf(ReadOnlySpan<byte> keyHash, ReadOnlySpan<byte> valueHash, Span<byte> destination) =>
        Tagged(LeafTag, keyHash, valueHash, destination);

    [SkipLocalsInit]
    public static void Internal(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination) =>
        Tagged(InternalTag, left, right, destination);

    [SkipLocalsInit]
    private static void Tagged(byte tag, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> destination)
    {
        Span<byte> buf = stackalloc byte[1 + 2 * Size];
        buf[0] = tag;
        a.CopyTo(buf[1..]);
        b.CopyTo(buf[(1 + Size)..]);
        SHA256.HashData(buf, destination);
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
