using Maci.Storage.Native;
using Maci.Storage.Rocks;

namespace Maci.Storage;

/// <summary>
/// A RocksDB database (default column family) as an ordered byte store. Single writes use the WAL
/// without fsync; <see cref="Write"/> with sync=true fsyncs the WAL before returning, so the batch
/// survives a process kill or power loss.
/// </summary>
public sealed unsafe class RocksKvStore : IKvDatabase
{
    private readonly DbHandle _db;
    private readonly ReadOptionsHandle _read = new();
    private readonly WriteOptionsHandle _write = new();
    private readonly WriteOptionsHandle _syncWrite = new();

    private RocksKvStore(DbHandle db)
    {
        _db = db;
        RocksNative.rocksdb_writeoptions_set_sync(_syncWrite, 1);
    }

    public string Path { get; private init; } = "";

    public static RocksKvStore Open(string path, RocksOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new RocksOptions();
        using var native = new OptionsHandle();
        RocksNative.rocksdb_options_set_create_if_missing(native, options.CreateIfMissing ? (byte)1 : (byte)0);
        RocksNative.rocksdb_options_increase_parallelism(native, options.Parallelism);
        var db = RocksNative.rocksdb_open(native, path, out var err);
        RocksError.ThrowIfSet(err, $"open '{path}'");
        return new RocksKvStore(new DbHandle(db)) { Path = path };
    }

    public byte[]? Get(ReadOnlySpan<byte> key) => RocksReads.Get(_db, _read, key);

    public bool Has(ReadOnlySpan<byte> key) => RocksReads.Has(_db, _read, key);

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) =>
        new RocksIterator(_db, _read, null, start, end, reverse);

    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        IntPtr err;
        fixed (byte* k = key)
        fixed (byte* v = value)
            RocksNative.rocksdb_put(_db, _write, k, (nuint)key.Length, v, (nuint)value.Length, out err);
        RocksError.ThrowIfSet(err, "put");
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        IntPtr err;
        fixed (byte* k = key) RocksNative.rocksdb_delete(_db, _write, k, (nuint)key.Length, out err);
        RocksError.ThrowIfSet(err, "delete");
    }

    public IKvWriteBatch NewBatch() => new RocksWriteBatch();

    public void Write(IKvWriteBatch batch, bool sync)
    {
        if (batch is not RocksWriteBatch rocks)
            throw new ArgumentException("the batch was not created by a RocksKvStore", nameof(batch));
        RocksNative.rocksdb_write(_db, sync ? _syncWrite : _write, rocks.Handle, out var err);
        RocksError.ThrowIfSet(err, "write batch");
    }

    public IKvSnapshot Snapshot() => new RocksSnapshot(_db);

    /// <summary>Closes the database once every open snapshot and iterator is disposed as well.</summary>
    public void Dispose()
    {
        _read.Dispose();
        _write.Dispose();
        _syncWrite.Dispose();
        _db.Dispose();
    }
}
