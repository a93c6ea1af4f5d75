namespace Maci.Storage.Smt;

/// <summary>Builds proofs by walking stored nodes from the root along a key hash's path.</summary>
internal static class SmtProver
{
    public static SmtProof Prove(IKvReader nodes, ReadOnlySpan<byte> fullKey)
    {
        var keyHash = SmtHasher.Hash(fullKey);
        var siblings = new List<byte[]>();
        var raw = nodes.Get(SmtNodeKey.For(0, keyHash));
        if (raw is null) return new SmtProof(siblings, null, null);
        var node = SmtNode.Decode(raw);
        for (var depth = 0; node.Kind == SmtNodeKind.Internal; depth++)
        {
            var bit = SmtHasher.Bit(keyHash, depth);
            siblings.Add(node.ChildHash(1 - bit));
            if (node.ChildKind(bit) == SmtNodeKind.Empty) return new SmtProof(siblings, null, null);
            raw = nodes.Get(SmtNodeKey.For(depth + 1, keyHash))
                  ?? throw new InvalidDataException($"Merkle tree node missing at depth {depth + 1}");
            node = SmtNode.Decode(raw);
        }
        return new SmtProof(siblings, node.KeyHash, node.ValueHash);
    }
}
