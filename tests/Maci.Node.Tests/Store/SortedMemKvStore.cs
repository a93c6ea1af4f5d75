using Maci.Storage;

namespace Maci.Node.Tests.Store;

/// <summary>A minimal ordered in-memory IKvStore for tests (until the storage slice ships MemKvStore).</summary>
internal sealed class SortedMemKvStore : IKvStore
{
    private readonly SortedList<byte[], byte[]> _data = new(ByteComparer.Instance);

    public int Count => _data.Count;

    public byte[]? Get(ReadOnlySpan<byte> key) => _data.TryGetValue(key.ToArray(), out var v) ? v.ToArray() : null;

    public bool Has(ReadOnlySpan<byte> key) => _data.ContainsKey(key.ToArray());

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => _data[key.ToArray()] = value.ToArray();

    public void Delete(ReadOnlySpan<byte> key) => _data.Remove(key.ToArray());

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false)
    {
        var s = start.ToArray();
        var e = end.ToArray();
        var items = _data.Where(kv => ByteComparer.Instance.Compare(kv.Key, s) >= 0
                                      && (e.Length == 0 || ByteComparer.Instance.Compare(kv.Key, e) < 0)).ToList();
        if (reverse) items.Reverse();
        return new Iterator(items);
    }

    private sealed class Iterator(List<KeyValuePair<byte[], byte[]>> items) : IKvIterator
    {
        private int _i;

        public bool Valid => _i < items.Count;

        public ReadOnlySpan<byte> Key => items[_i].Key;

        public ReadOnlySpan<byte> Value => items[_i].Value;

        public void Next() => _i++;

        public void Dispose()
        {
        }
    }

    private sealed class ByteComparer : IComparer<byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
