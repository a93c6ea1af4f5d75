namespace Maci.Storage.Smt;

/// <summary>
/// Committed tree nodes down to a fixed depth, kept in memory so a commit reads only the deep part
/// of each changed path from the database. Updated only after a commit is durably written.
/// </summary>
internal sealed class SmtNodeCache(IKvReader db, int maxDepth)
{
    private readonly Dictionary<byte[], SmtNode> _nodes = new(ByteKeyComparer.Instance);

    public int Count => _nodes.Count;

    public SmtNode? TryLoad(byte[] nodeKey)
    {
        if (_nodes.TryGetValue(nodeKey, out var node)) return node;
        var raw = db.Get(nodeKey);
        if (raw is null) return null;
        node = SmtNode.Decode(raw);
        if (nodeKey[1] <= maxDepth) _nodes[nodeKey] = node;
        return node;
    }

    public SmtNode Load(byte[] nodeKey) =>
        TryLoad(nodeKey) ?? throw new InvalidDataException($"Merkle tree node missing at depth {nodeKey[1]}");

    public void Apply(IEnumerable<SmtNodeOp> ops)
    {
        foreach (var op in ops)
        {
            if (op.Key[1] > maxDepth) continue;
            if (op.Node is null) _nodes.Remove(op.Key);
            else _nodes[op.Key] = op.Node;
        }
    }
}
