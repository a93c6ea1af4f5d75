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
