namespace Maci.Storage.Smt;

/// <summary>
/// One immutable version of the state's sparse Merkle tree, held in memory. Applying a block's changes
/// copies only the changed paths (each touched node is rebuilt and hashed once); the old version stays
/// valid for whoever still holds it. The shape depends only on the set of keys (a leaf sits at the
/// shallowest depth where it is alone), so the root does not depend on the order of writes.
/// </summary>
internal sealed class SparseMerkleTree
{
    private const int ParallelMinLeaves = 128;

    private SparseMerkleTree(TreeNode? root) => Root = root;

    public static SparseMerkleTree Empty { get; } = new(null);

    public TreeNode? Root { get; }

    public byte[] RootHash => TreeInternal.HashOf(Root).ToArray();

    /// <summary>A tree over <paramref name="leaves"/>, which must be sorted by key hash without duplicates.</summary>
    public static SparseMerkleTree FromSortedLeaves(TreeLeaf[] leaves) => new(Build(0, leaves));

    /// <summary>The tree after <paramref name="changes"/> (sorted by key hash, unique; null value hash = delete).</summary>
    public SparseMerkleTree Apply(ReadOnlySpan<SmtChange> changes) =>
        changes.IsEmpty ? this : new SparseMerkleTree(Update(Root, 0, changes));

    public SmtProof Prove(ReadOnlySpan<byte> fullKey)
    {
        var keyHash = SmtHasher.Hash(fullKey);
        var siblings = new List<byte[]>();
        var node = Root;
        for (var depth = 0; node is TreeInternal inner; depth++)
        {
            var bit = SmtHasher.Bit(keyHash, depth);
            siblings.Add(TreeInternal.HashOf(inner.Child(1 - bit)).ToArray());
            node = inner.Child(bit);
        }
        return node is TreeLeaf leaf
            ? new SmtProof(siblings, leaf.KeyHash.ToArray(), leaf.ValueHash.ToArray())
            : new SmtProof(siblings, null, null);
    }

    private static TreeNode? Update(TreeNode? node, int depth, ReadOnlySpan<SmtChange> changes)
    {
        if (changes.IsEmpty) return node;
        if (node is not TreeInternal inner) return Build(depth, Remaining(changes, node as TreeLeaf));

        var split = Split(changes, depth);
        TreeNode? left, right;
        if (depth == 0 && split >= ParallelMinLeaves && changes.Length - split >= ParallelMinLeaves)
        {
            var rightChanges = changes[split..].ToArray();
            var rightTask = Task.Run(() => Update(inner.Right, 1, rightChanges));
            left = Update(inner.Left, 1, changes[..split]);
            right = rightTask.GetAwaiter().GetResult();
        }
        else
        {
            left = Update(inner.Left, depth + 1, changes[..split]);
            right = Update(inner.Right, depth + 1, changes[split..]);
        }
        return ReferenceEquals(left, inner.Left) && ReferenceEquals(right, inner.Right) ? inner : Combine(left, right);
    }

    private static TreeNode? Build(int depth, ReadOnlySpan<TreeLeaf> leaves)
    {
        if (leaves.IsEmpty) return null;
        if (leaves.Length == 1) return leaves[0];
        if (depth >= SmtHasher.MaxDepth)
            throw new InvalidOperationException("Merkle tree path exceeds 255 bits (SHA-256 prefix collision)");
        var split = 0;
        while (split < leaves.Length && SmtHasher.Bit(leaves[split].KeyHash, depth) == 0) split++;
        if (depth == 0 && split >= ParallelMinLeaves && leaves.Length - split >= ParallelMinLeaves)
        {
            var rightLeaves = leaves[split..].ToArray();
            var rightTask = Task.Run(() => Build(1, rightLeaves));
            var left = Build(1, leaves[..split]);
            return Combine(left, rightTask.GetAwaiter().GetResult());
        }
        return Combine(Build(depth + 1, leaves[..split]), Build(depth + 1, leaves[split..]));
    }

    /// <summary>A lone leaf (or nothing) moves up into its parent's place; otherwise a new internal node.</summary>
    private static TreeNode? Combine(TreeNode? left, TreeNode? right) => (left, right) switch
    {
        (null, null) => null,
        (TreeLeaf, null) => left,
        (null, TreeLeaf) => right,
        _ => new TreeInternal(left, right),
    };

    /// <summary>The leaves of a subtree that held at most <paramref name="oldLeaf"/>, after the changes.</summary>
    private static TreeLeaf[] Remaining(ReadOnlySpan<SmtChange> changes, TreeLeaf? oldLeaf)
    {
        var result = new List<TreeLeaf>(changes.Length + 1);
        var oldPending = oldLeaf is not null;
        foreach (var change in changes)
        {
            if (oldPending)
            {
                var order = oldLeaf!.KeyHash.SequenceCompareTo(change.KeyHash);
                if (order <= 0)
                {
                    if (order < 0) result.Add(oldLeaf);
                    oldPending = false;
                }
            }
            if (change.ValueHash is not null) result.Add(new TreeLeaf(change.KeyHash, change.ValueHash));
        }
        if (oldPending) result.Add(oldLeaf!);
        return [.. result];
    }

    private static int Split(ReadOnlySpan<SmtChange> changes, int depth)
    {
        var i = 0;
        while (i < changes.Length && SmtHasher.Bit(changes[i].KeyHash, depth) == 0) i++;
        return i;
    }
}
