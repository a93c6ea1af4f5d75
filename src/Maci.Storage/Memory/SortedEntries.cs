using System.Collections.Immutable;

namespace Maci.Storage.Memory;

/// <summary>Range helpers over an immutable sorted set of entries (so iterators are O(1) snapshots).</summary>
internal static class SortedEntries
{
    public static ImmutableSortedSet<KvEntry> Empty { get; } = ImmutableSortedSet.Create(KvEntry.KeyOrder);

    public static KvEntry? Find(ImmutableSortedSet<KvEntry> set, ReadOnlySpan<byte> key) =>
        set.TryGetValue(new KvEntry(key.ToArray(), null), out var found) ? found : null;

    public static ImmutableSortedSet<KvEntry> Put(ImmutableSortedSet<KvEntry> set, KvEntry entry) =>
        set.Remove(entry).Add(entry);

    /// <summary>Index of the first entry whose key is ≥ <paramref name="key"/>.</summary>
    public static int LowerBound(ImmutableSortedSet<KvEntry> set, ReadOnlySpan<byte> key)
    {
        var i = set.IndexOf(new KvEntry(key.ToArray(), null));
        return i >= 0 ? i : ~i;
    }

    public static SortedEntriesIterator Iterate(ImmutableSortedSet<KvEntry> set, ReadOnlySpan<byte> start,
        ReadOnlySpan<byte> end, bool reverse)
    {
        var lo = start.IsEmpty ? 0 : LowerBound(set, start);
        var hi = end.IsEmpty ? set.Count : LowerBound(set, end);
        return new SortedEntriesIterator(set, lo, Math.Max(lo, hi), reverse);
    }
}
