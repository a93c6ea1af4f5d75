namespace Maci.Storage.Memory;

/// <summary>Walks entries [lo, hi) of an immutable sorted list; later writes to the store are not seen.</summary>
internal sealed class SortedEntriesIterator(IReadOnlyList<KvEntry> entries, int lo, int hi, bool reverse) : IKvIterator
{
    private int _index = reverse ? hi - 1 : lo;
    private KvEntry? _current = lo < hi ? entries[reverse ? hi - 1 : lo] : null;

    public bool Valid => _current is not null;

    public KvEntry Current => _current ?? throw Exhausted();

    public bool IsTombstone => Current.IsTombstone;

    public ReadOnlySpan<byte> Key => Current.Key;

    public ReadOnlySpan<byte> Value => Current.Value ?? throw new InvalidOperationException("the entry is a deletion");

    public void Next()
    {
        if (_current is null) throw Exhausted();
        _index += reverse ? -1 : 1;
        _current = _index >= lo && _index < hi ? entries[_index] : null;
    }

    public void Dispose() => _current = null;

    private static InvalidOperationException Exhausted() => new("the iterator is exhausted");
}
