namespace Maci.Storage.Smt;

/// <summary>
/// An immutable node of the in-memory sparse Merkle tree. Versions share unchanged subtrees, so a
/// snapshot keeps its own version alive simply by holding its root. Null stands for an empty subtree.
/// </summary>
internal abstract class TreeNode
{
    protected Hash32 _hash;

    public ReadOnlySpan<byte> Hash => _hash;
}

/// <summary>A key's leaf; it does not know its depth, so it moves up or down unchanged as neighbours come and go.</summary>
internal sealed class TreeLeaf : TreeNode
{
    private readonly Hash32 _keyHash;
    private readonly Hash32 _valueHash;

    public TreeLeaf(ReadOnlySpan<byte> keyHash, ReadOnlySpan<byte> valueHash)
    {
        keyHash.CopyTo(_keyHash);
        valueHash.CopyTo(_valueHash);
        SmtHasher.Leaf(keyHash, valueHash, _hash);
    }

    public ReadOnlySpan<byte> KeyHash => _keyHash;

    public ReadOnlySpan<byte> ValueHash => _valueHash;
}

/// <summary>An internal node; it exists only where its subtree holds at least two leaves.</summary>
internal sealed class TreeInternal : TreeNode
{
    public TreeInternal(TreeNode? left, TreeNode? right)
    {
        Left = left;
        Right = right;
        SmtHasher.Internal(HashOf(left), HashOf(right), _hash);
    }

    public TreeNode? Left { get; }

    public TreeNode? Right { get; }

    public TreeNode? Child(int bit) => bit == 0 ? Left : Right;

    public static ReadOnlySpan<byte> HashOf(TreeNode? node) => node is null ? SmtHasher.Empty : node.Hash;
}
