namespace Maci.Storage.Smt;

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
