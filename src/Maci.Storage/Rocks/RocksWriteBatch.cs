using Maci.Storage.Native;

namespace Maci.Storage.Rocks;

/// <summary>A native RocksDB write batch; Put and Delete copy the bytes into it.</summary>
internal sealed unsafe class RocksWriteBatch : IKvWriteBatch
{
    internal WriteBatchHandle Handle { get; } = new();

    public int Count => RocksNative.rocksdb_writebatch_count(Handle);

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        fixed (byte* k = key)
        fixed (byte* v = value)
            RocksNative.rocksdb_writebatch_put(Handle, k, (nuint)key.Length, v, (nuint)value.Length);
    }

    public void Delete(ReadOnlySpan<byte> key)
    {
        fixed (byte* k = key) RocksNative.rocksdb_writebatch_delete(Handle, k, (nuint)key.Length);
    }

    public void Dispose() => Handle.Dispose();
}
