using System.Security.Cryptography;

namespace Maci.Storage.Tests.Support;

/// <summary>
/// An independent, from-scratch construction of the canonical sparse Merkle tree over a full state,
/// used as the oracle for the incremental tree: root hash and the exact set of stored node keys.
/// </summary>
public static class ReferenceTree
{
    public static (byte[] Root, HashSet<string> NodeKeys) Build(IEnumerable<(byte[] FullKey, byte[] Value)> state)
    {
        var leaves = state
            .Select(p => (Kh: SHA256.HashData(p.FullKey), Vh: SHA256.HashData(p.Value)))
            .OrderBy(l => Convert.ToHexString(l.Kh), StringComparer.Ordinal)
            .ToList();
        var keys = new HashSet<string>();
        var root = Node(0, leaves, keys);
        return (root, keys);
    }

    /// <summary>Every (full key, value) of the committed state, read through the module views.</summary>
    public static List<(byte[] FullKey, byte[] Value)> StateOf(StateSnapshot snapshot, IEnumerable<ModuleStoreKey> modules) =>
        modules.SelectMany(m => Kv.All(snapshot.Module(m)).Select(p => (m.FullKey(p.Key), p.Value))).ToList();

    private static byte[] Node(int depth, List<(byte[] Kh, byte[] Vh)> leaves, HashSet<string> keys)
    {
        if (leaves.Count == 0) return new byte[32];
        keys.Add(NodeKey(depth, leaves[0].Kh));
        if (leaves.Count == 1) return SHA256.HashData([0x00, .. leaves[0].Kh, .. leaves[0].Vh]);
        var left = Node(depth + 1, leaves.Where(l => Bit(l.Kh, depth) == 0).ToList(), keys);
        var right = Node(depth + 1, leaves.Where(l => Bit(l.Kh, depth) == 1).ToList(), keys);
        return SHA256.HashData([0x01, .. left, .. right]);
    }

    private static int Bit(byte[] h, int i) => (h[i / 8] >> (7 - i % 8)) & 1;

    private static string NodeKey(int depth, byte[] kh)
    {
        var n = (depth + 7) / 8;
        var path = kh[..n];
        if (depth % 8 != 0) path[^1] &= (byte)(0xFF << (8 - depth % 8));
        return Convert.ToHexString([0x02, (byte)depth, .. path]);
    }
}
