using System.Collections.Immutable;
using Maci.Storage.Memory;

namespace Maci.Storage;

/// <summary>
/// A write cache over a parent store: reads fall through to the parent, writes and deletes
/// (tombstones) stay here until <see cref="Write"/> flushes them into the parent in key order.
/// Dropping the cache (or <see cref="Discard"/>) forgets them. Caches nest: a transaction cache over
/// a block cache over the committed state. Iterators merge cache and parent and see the cache as it
/// was when they were created. Not thread-safe.
/// </summary>
public sealed class CacheKvStore(IKvReader parent) : IKvStore
{
    private ImmutableSortedSet<KvEntry> _entries = SortedEntries.Empty;

    public IKvReader Parent => parent;

    /// <summary>Number of cached writes and deletes.</summary>
    public int DirtyCount => _entries.Count;

    public byte[]? Get(ReadOnlySpan<byte> key)
    {
        var cached = SortedEntries.Find(_entries, key);
        return cached is null ? parent.Get(key) : cached.Value?.ToArray();
    }

    public bool Has(ReadOnlySpan<byte> key)
    {
        var cached = SortedEntries.Find(_entries, key);
        return cached is null ? parent.Has(key) : !cached.IsTombstone;
    }

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        new MergedIterator(SortedEntries.Iterate(_entries, start, end, reverse), parent.Iterate(start, end, reverse), reverse);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) =>
        _entries = SortedEntries.Put(_entries, new KvEntry(key.ToArray(), value.ToArray()));

    public void Delete(ReadOnlySpan<byte> key) =>
        _entries = SortedEntries.Put(_entries, new KvEntry(key.ToArray(), null));

    /// <summary>Flushes every cached write and delete into the parent (which must be writable), then empties the cache.</summary>
    public void Write()
    {
        if (parent is not IKvStore target)
            throw new InvalidOperationException("this cache is over a read-only view and cannot be written back");
        foreach (var entry in _entries)
        {
            if (entry.Value is null) target.Delete(entry.Key);
            else target.Set(entry.Key, entry.Value);
        }
        _entries = SortedEntries.Empty;
    }

    /// <summary>Forgets every cached write.</summary>
    public void Discard() => _entries = SortedEntries.Empty;

    /// <summary>The cached writes (null value = delete) in key order, as an immutable snapshot.</summary>
    internal ImmutableSortedSet<KvEntry> Entries => _entries;
}
