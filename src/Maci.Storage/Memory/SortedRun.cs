namespace Maci.Storage.Memory;

/// <summary>Binary search and range iteration over an array of entries sorted by key.</summary>
internal static class SortedRun
{
    /// <summary>Index of the first entry whose key is ≥ <paramref name="key"/>.</summary>
    public static int LowerBound(KvEntry[] run, ReadOnlySpan<byte> key)
    {
        int lo = 0, hi = run.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (run[mid].Key.AsSpan().SequenceCompareTo(key) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public static SortedEntriesIterator Iterate(KvEntry[] run, ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse)
    {
        var lo = start.IsEmpty ? 0 : LowerBound(run, start);
        var hi = end.IsEmpty ? run.Length : LowerBound(run, end);
        return new SortedEntriesIterator(run, lo, Math.Max(lo, hi), reverse);
    }

    /// <summary>Merges sorted <paramref name="newer"/> into sorted <paramref name="older"/>; on equal keys the newer entry wins.</summary>
    public static KvEntry[] Merge(KvEntry[] older, KvEntry[] newer)
    {
        var merged = new KvEntry[older.Length + newer.Length];
        int i = 0, j = 0, n = 0;
        while (i < older.Length && j < newer.Length)
        {
            var order = older[i].Key.AsSpan().SequenceCompareTo(newer[j].Key);
            if (order < 0) merged[n++] = older[i++];
            else
            {
                if (order == 0) i++;
                merged[n++] = newer[j++];
            }
        }
        while (i < older.Length) merged[n++] = older[i++];
        while (j < newer.Length) merged[n++] = newer[j++];
        return n == merged.Length ? merged : merged[..n];
    }
}
