using System.Buffers.Binary;

namespace Maci.Storage;

/// <summary>
/// How a <see cref="CommitStore"/> lays out its one keyspace: 0x00 'c' = commit metadata
/// (height u64 big-endian ‖ app hash), 0x01 ‖ module prefix ‖ key = state values. The Merkle tree is
/// not stored: it is rebuilt from the state on open.
/// </summary>
internal static class StoreLayout
{
    public static readonly byte[] MetaKey = [0x00, (byte)'c'];
    public static readonly byte[] StatePrefix = [0x01];

    public static byte[] EncodeMeta(long height, byte[] appHash)
    {
        var meta = new byte[8 + appHash.Length];
        BinaryPrimitives.WriteInt64BigEndian(meta, height);
        appHash.CopyTo(meta, 8);
        return meta;
    }

    public static CommitInfo ReadMeta(IKvReader db)
    {
        var meta = db.Get(MetaKey);
        if (meta is null) return new CommitInfo(0, SmtVerifier.EmptyRoot.ToArray());
        if (meta.Length != 40) throw new InvalidDataException($"corrupt commit metadata ({meta.Length} bytes)");
        var height = BinaryPrimitives.ReadInt64BigEndian(meta);
        if (height <= 0) throw new InvalidDataException($"corrupt commit metadata (height {height})");
        return new CommitInfo(height, meta[8..]);
    }
}
