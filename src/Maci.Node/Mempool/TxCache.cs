namespace Maci.Node.Mempool;

/// <summary>An LRU set of recently seen transaction hashes (not thread-safe; the mempool guards it).</summary>
internal sealed class TxCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<string>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

    /// <summary>Adds the key; false if it was already present (it is then marked recently used).</summary>
    public bool Push(string key)
    {
        if (capacity <= 0) return true;
        if (_map.TryGetValue(key, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
            return false;
        }
        if (_map.Count >= capacity)
        {
            var oldest = _order.First!;
            _order.RemoveFirst();
            _map.Remove(oldest.Value);
        }
        _map[key] = _order.AddLast(key);
        return true;
    }

    public void Remove(string key)
    {
        if (_map.Remove(key, out var node)) _order.Remove(node);
    }

    public bool Contains(string key) => _map.ContainsKey(key);
}
