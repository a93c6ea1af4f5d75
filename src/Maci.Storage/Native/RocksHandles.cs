using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Maci.Storage.Native;

// SafeHandles own one native object each. Objects that depend on another (a snapshot or an iterator
// on its database, an iterator on its snapshot) hold a reference count on it, so disposing the
// database while an iterator is alive defers rocksdb_close until the iterator is released.

internal abstract class RocksHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    protected RocksHandle(IntPtr handle) : base(ownsHandle: true)
    {
        if (handle == IntPtr.Zero) throw new RocksDbException("RocksDB returned a null object");
        SetHandle(handle);
    }
}

internal sealed class DbHandle(IntPtr handle) : RocksHandle(handle)
{
    // Runs once, after the last reference (snapshot, iterator, read lease, call in flight) is gone. Background
    // flushes and compactions are stopped and waited for before the close, as RocksDB's FAQ asks.
    protected override bool ReleaseHandle()
    {
        RocksNative.rocksdb_cancel_all_background_work(handle, 1);
        RocksNative.rocksdb_close(handle);
        return true;
    }
}

internal sealed class OptionsHandle() : RocksHandle(RocksNative.rocksdb_options_create())
{
    protected override bool ReleaseHandle()
    {
        RocksNative.rocksdb_options_destroy(handle);
        return true;
    }
}

internal sealed class ReadOptionsHandle() : RocksHandle(RocksNative.rocksdb_readoptions_create())
{
    protected override bool ReleaseHandle()
    {
        RocksNative.rocksdb_readoptions_destroy(handle);
        return true;
    }
}

internal sealed class WriteOptionsHandle() : RocksHandle(RocksNative.rocksdb_writeoptions_create())
{
    protected override bool ReleaseHandle()
    {
        RocksNative.rocksdb_writeoptions_destroy(handle);
        return true;
    }
}

internal sealed class WriteBatchHandle() : RocksHandle(RocksNative.rocksdb_writebatch_create())
{
    protected override bool ReleaseHandle()
    {
        RocksNative.rocksdb_writebatch_destroy(handle);
        return true;
    }
}

/// <summary>A handle that keeps other handles alive until it is released.</summary>
internal abstract class DependentHandle : RocksHandle
{
    private readonly SafeHandle[] _owners;

    /// <summary><paramref name="owners"/> must already be referenced through <see cref="Create"/>.</summary>
    protected DependentHandle(IntPtr handle, SafeHandle[] owners) : base(handle) => _owners = owners;

    /// <summary>References every owner, creates the native object, and undoes the references if that fails.</summary>
    protected static T Create<T>(SafeHandle[] owners, Func<T> create) where T : DependentHandle
    {
        var added = 0;
        try
        {
            foreach (var owner in owners)
            {
                var ok = false;
                owner.DangerousAddRef(ref ok);
                added++;
            }
            return create();
        }
        catch
        {
            for (var i = 0; i < added; i++) owners[i].DangerousRelease();
            throw;
        }
    }

    protected abstract void Destroy(IntPtr handle);

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        foreach (var owner in _owners) owner.DangerousRelease();
        return true;
    }
}

internal sealed class SnapshotHandle : DependentHandle
{
    private readonly IntPtr _db;

    private SnapshotHandle(DbHandle db, IntPtr snapshot) : base(snapshot, [db]) => _db = db.DangerousGetHandle();

    public static SnapshotHandle Create(DbHandle db) =>
        Create([db], () => new SnapshotHandle(db, RocksNative.rocksdb_create_snapshot(db)));

    // The database is still referenced by this handle, so its native pointer is valid here.
    protected override void Destroy(IntPtr snapshot) => RocksNative.rocksdb_release_snapshot(_db, snapshot);
}

internal sealed class IteratorHandle : DependentHandle
{
    private IteratorHandle(IntPtr iterator, SafeHandle[] owners) : base(iterator, owners)
    {
    }

    public static IteratorHandle Create(DbHandle db, ReadOptionsHandle options, SnapshotHandle? snapshot)
    {
        SafeHandle[] owners = snapshot is null ? [db] : [db, snapshot];
        return Create(owners, () => new IteratorHandle(RocksNative.rocksdb_create_iterator(db, options), owners));
    }

    protected override void Destroy(IntPtr iterator) => RocksNative.rocksdb_iter_destroy(iterator);
}
