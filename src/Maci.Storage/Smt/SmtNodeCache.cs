namespace Maci.Storage.Smt;

/// <summary>
/// Committed tree nodes down to a fixed depth, kept in memory so a commit reads only the deep part
/// of each changed path from the database. Updated only after a commit is durably written. Loads
/// may run on several threads at once (the two halves of a tree update run in parallel).
/// </summary>
internal sealed class SmtNodeCache(IKvReader db, int maxDepth)
{
    private readonly Dictionary<byte[], SmtNode> _nodes = new(ByteKeyComparer.Instance);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock) return _nodes.Count;
        }
    }

    public SmtNode? TryLoad(byte[] nodeKey)
    {
        var cacheable = nodeKey[1] <= maxDepth;
        if (cacheable)
            lock (_lock)
                if (_nodes.TryGetValue(nodeKey, out var cached)) return cached;
        var raw = db.Get(nodeKey);
        if (raw is null) return null;
        var node = SmtNode.Decode(raw);
        if (cacheable)
            lock (_lock) _nodes[nodeKey] = node;
        return node;
    }

    public SmtNode Load(byte[] nodeKey) =>
        TryLoad(nodeKey) ?? throw new InvalidDataException($"Merkle tree node missing at depth {nodeKey[1]}");

    public void Apply(IEnumerable<SmtNodeOp> ops)
    {
        lock (_lock)
        foreach (var op in ops)
        {
            if (op.Key[1] > maxDepth) continue;
            if (op.Node is null) _nodes.Remove(op.Key);
            else _nodes[op.Key] = op.Node;
        }
    }
}
