using Maci.Storage.Native;

namespace Maci.Storage.Rocks;

/// <summary>
/// A bounded cursor over a RocksDB iterator. Key and Value point into RocksDB's memory and stay valid
/// until the next <see cref="Next"/> or <see cref="Dispose"/>.
/// </summary>
internal sealed unsafe class RocksIterator : IKvIterator
{
    private readonly IteratorHandle _iterator;
    private readonly byte[] _start;
    private readonly byte[] _end;
    private readonly bool _reverse;
    private bool _valid;

    public RocksIterator(DbHandle db, ReadOptionsHandle options, SnapshotHandle? snapshot,
        ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse)
    {
        _start = start.ToArray();
        _end = end.ToArray();
        _reverse = reverse;
        _iterator = IteratorHandle.Create(db, options, snapshot);
        if (!reverse)
        {
            fixed (byte* k = _start) RocksNative.rocksdb_iter_seek(_iterator, k, (nuint)_start.Length);
        }
        else if (_end.Length == 0)
        {
            RocksNative.rocksdb_iter_seek_to_last(_iterator);
        }
        else
        {
            fixed (byte* k = _end) RocksNative.rocksdb_iter_seek_for_prev(_iterator, k, (nuint)_end.Length);
            // The end bound is exclusive; SeekForPrev lands on it when present.
            if (Native() && RawKey().SequenceEqual(_end)) RocksNative.rocksdb_iter_prev(_iterator);
        }
        _valid = CheckBounds();
    }

    public bool Valid => _valid;

    public ReadOnlySpan<byte> Key => _valid ? RawKey() : throw Invalid();

    public ReadOnlySpan<byte> Value
    {
        get
        {
            if (!_valid) throw Invalid();
            var p = RocksNative.rocksdb_iter_value(_iterator, out var len);
            return new ReadOnlySpan<byte>(p, checked((int)len));
        }
    }

    public void Next()
    {
        if (!_valid) throw Invalid();
        if (_reverse) RocksNative.rocksdb_iter_prev(_iterator);
        else RocksNative.rocksdb_iter_next(_iterator);
        _valid = CheckBounds();
    }

    public void Dispose() => _iterator.Dispose();

    private bool Native() => RocksNative.rocksdb_iter_valid(_iterator) != 0;

    private ReadOnlySpan<byte> RawKey()
    {
        var p = RocksNative.rocksdb_iter_key(_iterator, out var len);
        return new ReadOnlySpan<byte>(p, checked((int)len));
    }

    private bool CheckBounds()
    {
        if (!Native())
        {
            RocksNative.rocksdb_iter_get_error(_iterator, out var err);
            RocksError.ThrowIfSet(err, "iterate");
            return false;
        }
        var key = RawKey();
        return _reverse
            ? key.SequenceCompareTo(_start) >= 0
            : _end.Length == 0 || key.SequenceCompareTo(_end) < 0;
    }

    private static InvalidOperationException Invalid() => new("the iterator is exhausted");
}
