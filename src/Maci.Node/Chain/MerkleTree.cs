using System.Security.Cryptography;

namespace Maci.Node.Chain;

/// <summary>
/// CometBFT's simple Merkle tree (RFC 6962 style): leaf = sha256(0x00‖x), inner = sha256(0x01‖l‖r),
/// the split point is the largest power of two strictly below n, and the empty tree hashes to sha256("").
/// </summary>
public static class MerkleTree
{
    public static byte[] Root(IReadOnlyList<byte[]> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RootOf(items, 0, items.Count);
    }

    public static byte[] LeafHash(ReadOnlySpan<byte> leaf)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData([0x00]);
        h.AppendData(leaf);
        return h.GetHashAndReset();
    }

    public static byte[] InnerHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        h.AppendData([0x01]);
        h.AppendData(left);
        h.AppendData(right);
        return h.GetHashAndReset();
    }

    /// <summary>The largest power of two strictly less than <paramref name="n"/> (n ≥ 2).</summary>
    internal static int SplitPoint(int n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), "split needs at least two items");
        var k = 1;
        while (k * 2 < n) k *= 2;
        return k;
    }

    private static byte[] RootOf(IReadOnlyList<byte[]> items, int start, int count) => count switch
    {
        0 => SHA256.HashData(ReadOnlySpan<byte>.Empty),
        1 => LeafHash(items[start]),
        _ => InnerHash(RootOf(items, start, SplitPoint(count)),
            RootOf(items, start + SplitPoint(count), count - SplitPoint(count))),
    };
}
