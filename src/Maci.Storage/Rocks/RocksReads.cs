using Maci.Storage.Native;

namespace Maci.Storage.Rocks;

/// <summary>
/// Point reads shared by the live database and its snapshots. The database (and the snapshot the options
/// name) stay referenced until the pinned slice is destroyed: the slice points into the database's block
/// cache, so closing the database in between would free memory (and mutexes) still in use.
/// </summary>
internal static unsafe class RocksReads
{
    public static byte[]? Get(DbHandle db, ReadOptionsHandle options, ReadOnlySpan<byte> key) => Get(db, options, null, key);

    public static bool Has(DbHandle db, ReadOptionsHandle options, ReadOnlySpan<byte> key) => Has(db, options, null, key);

    public static byte[]? Get(DbHandle db, ReadOptionsHandle options, SnapshotHandle? snapshot, ReadOnlySpan<byte> key)
    {
        using var lease = new HandleLease(db, snapshot);
        var slice = Pinned(db, options, key);
        if (slice == IntPtr.Zero) return null;
        try
        {
            var p = RocksNative.rocksdb_pinnableslice_value(slice, out var len);
            return new ReadOnlySpan<byte>(p, checked((int)len)).ToArray();
        }
        finally
        {
            RocksNative.rocksdb_pinnableslice_destroy(slice);
        }
    }

    public static bool Has(DbHandle db, ReadOptionsHandle options, SnapshotHandle? snapshot, ReadOnlySpan<byte> key)
    {
        using var lease = new HandleLease(db, snapshot);
        var slice = Pinned(db, options, key);
        if (slice == IntPtr.Zero) return false;
        RocksNative.rocksdb_pinnableslice_destroy(slice);
        return true;
    }

    private static IntPtr Pinned(DbHandle db, ReadOptionsHandle options, ReadOnlySpan<byte> key)
    {
        IntPtr slice, err;
        fixed (byte* k = key) slice = RocksNative.rocksdb_get_pinned(db, options, k, (nuint)key.Length, out err);
        RocksError.ThrowIfSet(err, "get");
        return slice;
    }
}
