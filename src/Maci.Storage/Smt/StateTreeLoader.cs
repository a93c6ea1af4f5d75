namespace Maci.Storage.Smt;

/// <summary>Rebuilds the Merkle tree of a committed state by scanning every state entry once.</summary>
internal static class StateTreeLoader
{
    private const int Chunk = 4096;

    public static SparseMerkleTree Load(IKvReader state)
    {
        var entries = new List<(byte[] Key, byte[] Value)>();
        using (var it = state.Iterate([], []))
            for (; it.Valid; it.Next())
                entries.Add((it.Key.ToArray(), it.Value.ToArray()));

        var leaves = new TreeLeaf[entries.Count];
        Parallel.For(0, (entries.Count + Chunk - 1) / Chunk, chunk =>
        {
            for (var i = chunk * Chunk; i < Math.Min(entries.Count, (chunk + 1) * Chunk); i++)
                leaves[i] = new TreeLeaf(SmtHasher.Hash(entries[i].Key), SmtHasher.Hash(entries[i].Value));
        });
        Array.Sort(leaves, static (a, b) => a.KeyHash.SequenceCompareTo(b.KeyHash));
        for (var i = 1; i < leaves.Length; i++)
            if (leaves[i].KeyHash.SequenceEqual(leaves[i - 1].KeyHash))
                throw new InvalidDataException("two state keys have the same SHA-256 hash");
        return SparseMerkleTree.FromSortedLeaves(leaves);
    }
}
