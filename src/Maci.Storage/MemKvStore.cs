using System.Collections.Immutable;
using Maci.Storage.Memory;

namespace Maci.Storage;

/// <summary>
/// An in-memory ordered store (for tests and the in-memory node switch). It is persistent in the
/// functional sense: snapshots and iterators capture the current version in O(1) and never see later
/// writes. Thread-safe for one writer and any number of readers.
/// </summary>
public sealed class MemKvStore : IKvDatabase
{
    private ImmutableSortedSet<KvEntry> _entries = SortedEntries.Empty;
    private readonly Lock _writeLock = new();

    public int Count => Volatile.Read(ref _entries).Count;

    public byte[]? Get(ReadOnlySpan<byte> key) => Read.Get(key);

    public bool Has(ReadOnlySpan<byte> key) => Read.Has(key);

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        Read.Iterate(start, end, reverse);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        var entry = new KvEntry(key.ToArray(), value.ToArray());
        lock (_writeLock) _entries = SortedEntries.Put(_entries, entry);
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        var probe = new KvEntry(key.ToArray(), null);
        lock (_writeLock) _entries = _entries.Remove(probe);
    }

    public IKvWriteBatch NewBatch() => new MemWriteBatch();

    public void Write(IKvWriteBatch batch, bool sync)
    {
        if (batch is not MemWriteBatch mem)
            throw new ArgumentException("the batch was not created by a MemKvStore", nameof(batch));
        lock (_writeLock)
        {
            var builder = _entries.ToBuilder();
            foreach (var op in mem.Operations)
            {
                builder.Remove(op);
                if (!op.IsTombstone) builder.Add(op);
            }
            _entries = builder.ToImmutable();
        }
    }

    public IKvSnapshot Snapshot() => Read;

    private MemSnapshot Read => new(Volatile.Read(ref _entries));

    public void Dispose()
    {
    }
}
