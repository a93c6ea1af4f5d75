using Maci.Storage.Native;

namespace Maci.Storage.Rocks;

/// <summary>A RocksDB snapshot: reads and iterators see the database as it was when it was taken.</summary>
internal sealed class RocksSnapshot : IKvSnapshot
{
    private readonly DbHandle _db;
    private readonly SnapshotHandle _snapshot;
    private readonly ReadOptionsHandle _read;

    public RocksSnapshot(DbHandle db)
    {
        _db = db;
        _snapshot = SnapshotHandle.Create(db);
        _read = new ReadOptionsHandle();
        RocksNative.rocksdb_readoptions_set_snapshot(_read, _snapshot);
    }

    public byte[]? Get(ReadOnlySpan<byte> key) => RocksReads.Get(_db, _read, _snapshot, key);

    public bool Has(ReadOnlySpan<byte> key) => RocksReads.Has(_db, _read, _snapshot, key);

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        new RocksIterator(_db, _read, _snapshot, start, end, reverse);

    public void Dispose()
    {
        _read.Dispose();
        _snapshot.Dispose();
    }
}
