using System.Runtime.InteropServices;

namespace Maci.Storage.Native;

internal static class RocksError
{
    /// <summary>Throws when RocksDB set <paramref name="errptr"/>, freeing the native message first.</summary>
    public static void ThrowIfSet(IntPtr errptr, string operation)
    {
        if (errptr == IntPtr.Zero) return;
        string message;
        try
        {
            message = Marshal.PtrToStringUTF8(errptr) ?? "unknown error";
        }
        finally
        {
            RocksNative.rocksdb_free(errptr);
        }
        throw new RocksDbException($"RocksDB {operation} failed: {message}");
    }
}
