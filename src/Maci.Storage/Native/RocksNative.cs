using System.Reflection;
using System.Runtime.InteropServices;

namespace Maci.Storage.Native;

/// <summary>
/// The subset of the RocksDB C API (rocksdb/c.h) this project uses. Every function that takes
/// <c>char** errptr</c> reports failure by setting it to a malloc'd message that the caller frees
/// with <see cref="rocksdb_free"/>; <see cref="RocksError.ThrowIfSet"/> does that.
/// </summary>
internal static unsafe partial class RocksNative
{
    private const string Lib = "rocksdb";

    // The Debian package ships only the versioned soname, so the plain name needs help.
    private static readonly string[] Candidates = ["rocksdb", "librocksdb.so.7.8", "librocksdb.so"];

    static RocksNative() => NativeLibrary.SetDllImportResolver(typeof(RocksNative).Assembly, Resolve);

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Lib) return IntPtr.Zero;
        foreach (var candidate in Candidates)
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
                return handle;
        throw new DllNotFoundException(
            "librocksdb not found (tried rocksdb, librocksdb.so.7.8, librocksdb.so): install librocksdb7.8");
    }

    // options
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_options_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_options_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_create_if_missing(OptionsHandle options, byte value);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_increase_parallelism(OptionsHandle options, int totalThreads);
    [LibraryImport(Lib)] internal static partial void rocksdb_options_set_compression(OptionsHandle options, int compression);

    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_readoptions_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_set_snapshot(ReadOptionsHandle options, SnapshotHandle snapshot);
    [LibraryImport(Lib)] internal static partial void rocksdb_readoptions_set_fill_cache(ReadOptionsHandle options, byte value);

    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_writeoptions_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_writeoptions_destroy(IntPtr options);
    [LibraryImport(Lib)] internal static partial void rocksdb_writeoptions_set_sync(WriteOptionsHandle options, byte value);

    // database
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_open(OptionsHandle options, string name, out IntPtr errptr);
    [LibraryImport(Lib)] internal static partial void rocksdb_close(IntPtr db);
    [LibraryImport(Lib)] internal static partial void rocksdb_cancel_all_background_work(IntPtr db, byte wait);

    [LibraryImport(Lib)]
    internal static partial void rocksdb_put(DbHandle db, WriteOptionsHandle options, byte* key, nuint keyLen,
        byte* value, nuint valueLen, out IntPtr errptr);
    [LibraryImport(Lib)]
    internal static partial void rocksdb_delete(DbHandle db, WriteOptionsHandle options, byte* key, nuint keyLen, out IntPtr errptr);
    [LibraryImport(Lib)]
    internal static partial IntPtr rocksdb_get_pinned(DbHandle db, ReadOptionsHandle options, byte* key, nuint keyLen, out IntPtr errptr);
    [LibraryImport(Lib)] internal static partial byte* rocksdb_pinnableslice_value(IntPtr slice, out nuint valueLen);
    [LibraryImport(Lib)] internal static partial void rocksdb_pinnableslice_destroy(IntPtr slice);
    [LibraryImport(Lib)] internal static partial void rocksdb_free(IntPtr ptr);

    // write batch
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_writebatch_create();
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_destroy(IntPtr batch);
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_put(WriteBatchHandle batch, byte* key, nuint keyLen, byte* value, nuint valueLen);
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_delete(WriteBatchHandle batch, byte* key, nuint keyLen);
    [LibraryImport(Lib)] internal static partial int rocksdb_writebatch_count(WriteBatchHandle batch);
    [LibraryImport(Lib)] internal static partial void rocksdb_writebatch_clear(WriteBatchHandle batch);
    [LibraryImport(Lib)]
    internal static partial void rocksdb_write(DbHandle db, WriteOptionsHandle options, WriteBatchHandle batch, out IntPtr errptr);

    // iterators
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_create_iterator(DbHandle db, ReadOptionsHandle options);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_destroy(IntPtr iterator);
    [LibraryImport(Lib)] internal static partial byte rocksdb_iter_valid(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_to_first(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_to_last(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek(IteratorHandle iterator, byte* key, nuint keyLen);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_seek_for_prev(IteratorHandle iterator, byte* key, nuint keyLen);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_next(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_prev(IteratorHandle iterator);
    [LibraryImport(Lib)] internal static partial byte* rocksdb_iter_key(IteratorHandle iterator, out nuint keyLen);
    [LibraryImport(Lib)] internal static partial byte* rocksdb_iter_value(IteratorHandle iterator, out nuint valueLen);
    [LibraryImport(Lib)] internal static partial void rocksdb_iter_get_error(IteratorHandle iterator, out IntPtr errptr);

    // snapshots
    [LibraryImport(Lib)] internal static partial IntPtr rocksdb_create_snapshot(DbHandle db);
    [LibraryImport(Lib)] internal static partial void rocksdb_release_snapshot(IntPtr db, IntPtr snapshot);
}
