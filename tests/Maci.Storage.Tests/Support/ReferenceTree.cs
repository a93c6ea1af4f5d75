using System.Security.Cryptography;

namespace Maci.Storage.Tests.Support;

/// <summary>
/// An independent, from-scratch construction of the canonical sparse Merkle tree over a full state,
/// used as the oracle for the incremental tree's root hash.
/// </summary>
public static class ReferenceTree
{
    public static byte[] Root(IEnumerable<(byte[] FullKey, byte[] Value)> state)
    {
        var leaves = state
            .Select(p => (Kh: SHA256.HashData(p.FullKey), Vh: SHA256.HashData(p.Value)))
            .OrderBy(l => Convert.ToHexString(l.Kh), StringComparer.Ordinal)
            .ToList();
        return Node(0, leaves);
    }

    /// <summary>Every (full key, value) of the committed state, read through the module views.</summary>
    public static List<(byte[] FullKey, byte[] Value)> StateOf(StateSnapshot snapshot, IEnumerable<ModuleStoreKey> modules) =>
        modules.SelectMany(m => Kv.All(snapshot.Module(m)).Select(p => (m.FullKey(p.Key), p.Value))).ToList();

    private static byte[] Node(int depth, List<(byte[] Kh, byte[] Vh)> leaves)
    {
        if (leaves.Count == 0) return new byte[32];
        if (leaves.Count == 1) return SHA256.HashData([0x00, .. leaves[0].Kh, .. leaves[0].Vh]);
        var left = Node(depth + 1, leaves.Where(l => Bit(l.Kh, depth) == 0).ToList());
        var right = Node(depth + 1, leaves.Where(l => Bit(l.Kh, depth) == 1).ToList());
        return SHA256.HashData([0x01, .. left, .. right]);
    }

    private static int Bit(byte[] h, int i) => (h[i / 8] >> (7 - i % 8)) & 1;
}
