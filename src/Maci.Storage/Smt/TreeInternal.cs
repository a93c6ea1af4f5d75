namespace Maci.Storage.Smt;

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
