using Maci.Storage.Native;

namespace Maci.Storage.Rocks;

/// <summary>Point reads shared by the live database and its snapshots.</summary>
internal static unsafe class RocksReads
{
    public static byte[]? Get(DbHandle db, ReadOptionsHandle options, ReadOnlySpan<byte> key)
    {
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

    public static bool Has(DbHandle db, ReadOptionsHandle options, ReadOnlySpan<byte> key)
    {
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
