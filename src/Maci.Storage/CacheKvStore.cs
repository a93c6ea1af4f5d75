using Maci.Storage.Memory;

namespace Maci.Storage;

/// <summary>
/// A write cache over a parent store: reads fall through to the parent, writes and deletes
/// (tombstones) stay here until <see cref="Write"/> flushes them into the parent in key order.
/// Dropping the cache (or <see cref="Discard"/>) forgets them. Caches nest: a transaction cache over
/// a block cache over the committed state. Iterators merge cache and parent and see the cache as it
/// was when they were created. Not thread-safe.
/// </summary>
/// <remarks>
/// Point operations use a hash map. The sorted view that iteration needs is an immutable array,
/// brought up to date only when someone iterates: keys written since are sorted and merged in
/// (O(n + k log k)), so the usual pattern of small transaction writes between iterations stays cheap.
/// </remarks>
public sealed class CacheKvStore(IKvReader parent) : IKvStore
{
    private readonly Dictionary<byte[], KvEntry> _map = new(ByteKeyComparer.Instance);
    private readonly List<KvEntry> _recent = [];
    private KvEntry[] _sorted = [];

    public IKvReader Parent => parent;

    /// <summary>Number of cached writes and deletes.</summary>
    public int DirtyCount => _map.Count;

    /// <summary>Increases on every write, delete and discard (lets callers reuse work derived from the cache).</summary>
    public long Version { get; private set; }

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var lookup = _map.GetAlternateLookup<ReadOnlySpan<byte>>();
        return lookup.TryGetValue(key, out var cached) ? cached.Value?.ToArray() : parent.Get(key);
    }

    public bool Has(ReadOnlySpan<byte> key)
    {
        var lookup = _map.GetAlternateLookup<ReadOnlySpan<byte>>();
        return lookup.TryGetValue(key, out var cached) ? !cached.IsTombstone : parent.Has(key);
    }

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        new MergedIterator(SortedRun.Iterate(Sorted(), start, end, reverse), parent.Iterate(start, end, reverse), reverse);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Put(new KvEntry(key.ToArray(), value.ToArray()));

    public void Delete(ReadOnlySpan<byte> key) => Put(new KvEntry(key.ToArray(), null));

    /// <summary>Flushes every cached write and delete into the parent (which must be writable), then empties the cache.</summary>
    public void Write()
    {
        if (parent is not IKvStore target)
            throw new InvalidOperationException("this cache is over a read-only view and cannot be written back");
        foreach (var entry in Sorted())
        {
            if (entry.Value is null) target.Delete(entry.Key);
            else target.Set(entry.Key, entry.Value);
        }
        Discard();
    }

    /// <summary>Forgets every cached write.</summary>
    public void Discard()
    {
        _map.Clear();
        _recent.Clear();
        _sorted = [];
        Version++;
    }

    /// <summary>The cached writes (null value = delete) in key order; the array is never modified afterwards.</summary>
    internal KvEntry[] Sorted()
    {
        if (_recent.Count == 0) return _sorted;
        // Only the latest entry of each recently written key counts.
        var fresh = new List<KvEntry>(_recent.Count);
        foreach (var entry in _recent)
            if (ReferenceEquals(_map[entry.Key], entry)) fresh.Add(entry);
        var newer = fresh.ToArray();
        Array.Sort(newer, KvEntry.KeyOrder);
        _sorted = _sorted.Length == 0 ? newer : SortedRun.Merge(_sorted, newer);
        _recent.Clear();
        return _sorted;
    }

    private void Put(KvEntry entry)
    {
        _map[entry.Key] = entry;
        _recent.Add(entry);
        Version++;
    }
}
