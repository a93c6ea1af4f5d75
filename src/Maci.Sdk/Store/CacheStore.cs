using Maci.Storage;

namespace Maci.Sdk.Store;

/// <summary>
/// A write cache over a parent store: reads fall through, writes stay here until <see cref="Write"/>
/// copies them into the parent (or the cache is dropped). Nestable; iteration merges both layers.
/// Used for tx and message atomicity.
/// </summary>
public sealed class CacheStore : IKvStore
{
    private readonly IKvReader _parent;
    private readonly SortedDictionary<byte[], byte[]?> _writes = new(ByteComparer.Instance);

    public CacheStore(IKvReader parent) => _parent = parent;

    public int PendingWrites => _writes.Count;

    public byte[]? Get(ReadOnlySpan<byte> key) =>
        _writes.TryGetValue(key.ToArray(), out var v) ? v : _parent.Get(key);

    public bool Has(ReadOnlySpan<byte> key) =>
        _writes.TryGetValue(key.ToArray(), out var v) ? v is not null : _parent.Has(key);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _writes[key.ToArray()] = value.ToArray();

    public void Delete(ReadOnlySpan<byte> key) => _writes[key.ToArray()] = null;

    /// <summary>Copies pending writes into the parent (which must be writable) in key order, then clears.</summary>
    public void Write()
    {
        if (_parent is not IKvStore target)
            throw new InvalidOperationException("the parent of this cache is read-only");
        foreach (var (k, v) in _writes)
        {
            if (v is null) target.Delete(k); else target.Set(k, v);
        }
        _writes.Clear();
    }

    /// <summary>Pending writes in key order (null value = delete).</summary>
    public IEnumerable<KeyValuePair<byte[], byte[]?>> Pending => _writes;

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false)
    {
        var s = start.ToArray();
        var e = end.ToArray();
        var overlay = _writes
            .Where(kv => ByteComparer.Instance.Compare(kv.Key, s) >= 0 && (e.Length == 0 || ByteComparer.Instance.Compare(kv.Key, e) < 0))
            .ToList();
        if (reverse) overlay.Reverse();
        return new MergeIterator(_parent.Iterate(start, end, reverse), overlay, reverse);
    }

    private sealed class MergeIterator : IKvIterator
    {
        private readonly IKvIterator _parent;
        private readonly List<KeyValuePair<byte[], byte[]?>> _overlay;
        private readonly int _dir;
        private int _o;
        private byte[]? _key;
        private byte[]? _value;

        public MergeIterator(IKvIterator parent, List<KeyValuePair<byte[], byte[]?>> overlay, bool reverse)
        {
            _parent = parent;
            _overlay = overlay;
            _dir = reverse ? -1 : 1;
            Advance();
        }

        public bool Valid => _key is not null;

        public ReadOnlySpan<byte> Key => _key ?? throw new InvalidOperationException("iterator is exhausted");

        public ReadOnlySpan<byte> Value => _value ?? throw new InvalidOperationException("iterator is exhausted");

        public void Next()
        {
            if (_key is null) throw new InvalidOperationException("iterator is exhausted");
            Advance();
        }

        private void Advance()
        {
            while (true)
            {
                var hasP = _parent.Valid;
                var hasO = _o < _overlay.Count;
                if (!hasP && !hasO) { _key = _value = null; return; }
                int cmp = !hasP ? 1 : !hasO ? -1 : _parent.Key.SequenceCompareTo(_overlay[_o].Key) * _dir;
                if (cmp < 0)
                {
                    _key = _parent.Key.ToArray();
                    _value = _parent.Value.ToArray();
                    _parent.Next();
                    return;
                }
                if (cmp == 0) _parent.Next(); // the overlay shadows the parent
                var (k, v) = _overlay[_o++];
                if (v is null) continue; // deleted
                _key = k;
                _value = v;
                return;
            }
        }

        public void Dispose() => _parent.Dispose();
    }
}
