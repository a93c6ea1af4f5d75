namespace Maci.Storage.Smt;

/// <summary>
/// Applies a sorted batch of changes to the tree in one pass: each node on a changed path is read
/// once, rebuilt once and hashed once; untouched subtrees keep the hash their parent already holds.
/// Produces the new root hash and the node writes and deletes. The tree shape depends only on the
/// set of keys (leaves sit at the shallowest unique depth), so the result does not depend on the order
/// in which a block wrote its keys.
/// </summary>
internal sealed class SmtUpdater(Func<byte[], SmtNode> load)
{
    private static readonly byte[] Zero = new byte[SmtHasher.Size];

    private readonly record struct Sub(SmtNodeKind Kind, byte[] Hash, SmtNode? Node, bool Changed)
    {
        public static Sub Empty { get; } = new(SmtNodeKind.Empty, Zero, null, true);
    }

    public List<SmtNodeOp> Ops { get; } = [];

    /// <summary>Applies <paramref name="changes"/> (sorted by key hash, unique) to the tree whose root is <paramref name="root"/>.</summary>
    public byte[] Apply(SmtNode? root, byte[] rootHash, ReadOnlySpan<SmtChange> changes)
    {
        if (changes.IsEmpty) return rootHash;
        var kind = root?.Kind ?? SmtNodeKind.Empty;
        var result = Update(0, kind, root, changes);
        var rootKey = SmtNodeKey.For(0, changes[0].KeyHash);
        if (result.Kind != SmtNodeKind.Empty) Ops.Add(new SmtNodeOp(rootKey, result.Node));
        else if (kind != SmtNodeKind.Empty) Ops.Add(new SmtNodeOp(rootKey, null));
        return result.Hash;
    }

    private Sub Update(int depth, SmtNodeKind kind, SmtNode? node, ReadOnlySpan<SmtChange> changes)
    {
        if (kind == SmtNodeKind.Empty) return Build(depth, Inserts(changes, null));
        if (kind == SmtNodeKind.Leaf) return Build(depth, Inserts(changes, node));

        var path = changes[0].KeyHash;
        var split = Split(changes, depth);
        Sub left, right;
        if (depth < ParallelDepth && split >= ParallelMinChanges && changes.Length - split >= ParallelMinChanges)
            (left, right) = BothSidesInParallel(depth, node!, changes.ToArray(), split, path);
        else
        {
            left = Side(depth, node!, 0, changes[..split], path);
            right = Side(depth, node!, 1, changes[split..], path);
        }
        return Combine(depth, path, left, right, node!.LeftKind != SmtNodeKind.Empty, node.RightKind != SmtNodeKind.Empty);
    }

    /// <summary>Top levels whose two halves are updated on separate threads (2^depth tasks at most).</summary>
    private const int ParallelDepth = 1;

    private const int ParallelMinChanges = 128;

    private (Sub Left, Sub Right) BothSidesInParallel(int depth, SmtNode node, SmtChange[] changes, int split, byte[] path)
    {
        var leftUpdater = new SmtUpdater(load);
        var rightUpdater = new SmtUpdater(load);
        var right = Task.Run(() => rightUpdater.Side(depth, node, 1, changes.AsSpan(split), path));
        var left = leftUpdater.Side(depth, node, 0, changes.AsSpan(0, split), path);
        var rightResult = right.GetAwaiter().GetResult();
        Ops.AddRange(leftUpdater.Ops);
        Ops.AddRange(rightUpdater.Ops);
        return (left, rightResult);
    }

    private Sub Side(int depth, SmtNode node, int bit, ReadOnlySpan<SmtChange> changes, byte[] path)
    {
        var kind = node.ChildKind(bit);
        if (changes.IsEmpty) return new Sub(kind, node.ChildHash(bit), null, false);
        var child = kind == SmtNodeKind.Empty ? null : load(SmtNodeKey.For(depth + 1, changes[0].KeyHash));
        if (child is not null && child.Kind != kind) throw new InvalidDataException("Merkle tree node kind mismatch");
        return Update(depth + 1, kind, child, changes);
    }

    private Sub Build(int depth, ReadOnlySpan<SmtChange> leaves)
    {
        if (leaves.IsEmpty) return Sub.Empty;
        if (leaves.Length == 1)
        {
            var leaf = SmtNode.Leaf(leaves[0].KeyHash, leaves[0].ValueHash!);
            return new Sub(SmtNodeKind.Leaf, leaf.ComputeHash(), leaf, true);
        }
        if (depth >= SmtNodeKey.MaxDepth)
            throw new InvalidOperationException("Merkle tree path exceeds 255 bits (SHA-256 prefix collision)");
        var split = Split(leaves, depth);
        var left = Build(depth + 1, leaves[..split]);
        var right = Build(depth + 1, leaves[split..]);
        return Combine(depth, leaves[0].KeyHash, left, right, false, false);
    }

    private Sub Combine(int depth, byte[] path, Sub left, Sub right, bool leftExisted, bool rightExisted)
    {
        var collapse = (left.Kind, right.Kind) switch
        {
            (SmtNodeKind.Empty, SmtNodeKind.Empty) => true,
            (SmtNodeKind.Leaf, SmtNodeKind.Empty) => true,
            (SmtNodeKind.Empty, SmtNodeKind.Leaf) => true,
            _ => false,
        };
        if (collapse)
        {
            // At most one leaf remains below: it moves up to this node's position.
            if (leftExisted) Ops.Add(new SmtNodeOp(ChildKey(path, depth, 0), null));
            if (rightExisted) Ops.Add(new SmtNodeOp(ChildKey(path, depth, 1), null));
            if (left.Kind == SmtNodeKind.Leaf) return new Sub(SmtNodeKind.Leaf, left.Hash, left.Node ?? load(ChildKey(path, depth, 0)), true);
            if (right.Kind == SmtNodeKind.Leaf) return new Sub(SmtNodeKind.Leaf, right.Hash, right.Node ?? load(ChildKey(path, depth, 1)), true);
            return Sub.Empty;
        }
        Persist(path, depth, 0, left, leftExisted);
        Persist(path, depth, 1, right, rightExisted);
        var node = SmtNode.Internal(left.Kind, left.Hash, right.Kind, right.Hash);
        return new Sub(SmtNodeKind.Internal, node.ComputeHash(), node, true);
    }

    private void Persist(byte[] path, int depth, int bit, Sub sub, bool existed)
    {
        if (!sub.Changed) return;
        if (sub.Kind != SmtNodeKind.Empty) Ops.Add(new SmtNodeOp(ChildKey(path, depth, bit), sub.Node));
        else if (existed) Ops.Add(new SmtNodeOp(ChildKey(path, depth, bit), null));
    }

    /// <summary>The node key of the child on side <paramref name="bit"/> of the node at <paramref name="depth"/> on <paramref name="path"/>.</summary>
    private static byte[] ChildKey(byte[] path, int depth, int bit)
    {
        var key = SmtNodeKey.For(depth + 1, path);
        var mask = (byte)(0x80 >> (depth & 7));
        if (bit == 0) key[2 + (depth >> 3)] &= (byte)~mask;
        else key[2 + (depth >> 3)] |= mask;
        return key;
    }

    /// <summary>The leaves that remain: inserts and updates from the changes, plus the old leaf unless changed.</summary>
    private static SmtChange[] Inserts(ReadOnlySpan<SmtChange> changes, SmtNode? oldLeaf)
    {
        var result = new List<SmtChange>(changes.Length + 1);
        var oldPending = oldLeaf is not null;
        foreach (var change in changes)
        {
            if (oldPending)
            {
                var order = oldLeaf!.KeyHash.AsSpan().SequenceCompareTo(change.KeyHash);
                if (order <= 0)
                {
                    if (order < 0) result.Add(new SmtChange(oldLeaf.KeyHash, oldLeaf.ValueHash));
                    oldPending = false;
                }
            }
            if (change.ValueHash is not null) result.Add(change);
        }
        if (oldPending) result.Add(new SmtChange(oldLeaf!.KeyHash, oldLeaf.ValueHash));
        return [.. result];
    }

    /// <summary>Index of the first change whose bit at <paramref name="depth"/> is 1 (changes are sorted).</summary>
    private static int Split(ReadOnlySpan<SmtChange> changes, int depth)
    {
        var i = 0;
        while (i < changes.Length && SmtHasher.Bit(changes[i].KeyHash, depth) == 0) i++;
        return i;
    }
}
