using System.Collections.Immutable;

namespace Maci.Storage.Memory;

/// <summary>One immutable version of a <see cref="MemKvStore"/>.</summary>
internal sealed class MemSnapshot(ImmutableSortedSet<KvEntry> entries) : IKvSnapshot
{
    public byte[]? Get(ReadOnlySpan<byte> key) => SortedEntries.Find(entries, key)?.Value?.ToArray();

    public bool Has(ReadOnlySpan<byte> key) => SortedEntries.Find(entries, key) is not null;

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        SortedEntries.Iterate(entries, start, end, reverse);

    public void Dispose()
    {
    }
}
