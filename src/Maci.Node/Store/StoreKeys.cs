using System.Buffers.Binary;
using System.Text;

namespace Maci.Node.Store;

/// <summary>
/// Key layout of the block store and tx index (one prefix byte each; integers big-endian so that
/// byte order is numeric order; variable-length parts carry a 2-byte length prefix).
/// </summary>
internal static class StoreKeys
{
    public const byte Block = 0x01;        // height → tendermint.types.Block encoding
    public const byte HashToHeight = 0x02; // block hash → height
    public const byte Results = 0x03;      // height → BlockResults encoding
    public const byte SeenCommit = 0x04;   // height → Commit for that height
    public const byte BlockId = 0x05;      // height → BlockID encoding
    public const byte State = 0x06;        // "base"/"height" (block store), "indexed" (index marker) → int64
    public const byte TxByHash = 0x10;     // tx hash → TxResult{height, index, tx, result}
    public const byte EventIndex = 0x11;   // len|composite key|len|value|height|index → tx hash
    public const byte BlockEventIndex = 0x12; // len|composite key|len|value|height|0 → height

    public static byte[] ByHeight(byte prefix, long height)
    {
        var key = new byte[9];
        key[0] = prefix;
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(1), height);
        return key;
    }

    public static byte[] ByBytes(byte prefix, ReadOnlySpan<byte> bytes) => [prefix, .. bytes];

    public static byte[] StateKey(string name) => [State, .. Encoding.UTF8.GetBytes(name)];

    /// <summary>Prefix of every entry for one composite key (optionally one exact value).</summary>
    public static byte[] EventPrefix(string compositeKey, string? value = null, byte table = EventIndex)
    {
        var buffer = new List<byte>(64) { table };
        AppendString(buffer, compositeKey);
        if (value is not null) AppendString(buffer, value);
        return buffer.ToArray();
    }

    public static byte[] EventEntry(string compositeKey, string value, long height, uint index, byte table = EventIndex)
    {
        var prefix = EventPrefix(compositeKey, value, table);
        var key = new byte[prefix.Length + 12];
        prefix.CopyTo(key, 0);
        BinaryPrimitives.WriteInt64BigEndian(key.AsSpan(prefix.Length), height);
        BinaryPrimitives.WriteUInt32BigEndian(key.AsSpan(prefix.Length + 8), index);
        return key;
    }

    /// <summary>Reads the value part of an event entry whose composite-key prefix has length <paramref name="prefixLength"/>.</summary>
    public static string EntryValue(ReadOnlySpan<byte> key, int prefixLength)
    {
        var len = BinaryPrimitives.ReadUInt16BigEndian(key[prefixLength..]);
        return Encoding.UTF8.GetString(key.Slice(prefixLength + 2, len));
    }

    /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/> (empty = unbounded).</summary>
    public static byte[] PrefixEnd(ReadOnlySpan<byte> prefix)
    {
        var end = prefix.ToArray();
        for (var i = end.Length - 1; i >= 0; i--)
        {
            if (end[i] != 0xFF)
            {
                end[i]++;
                return end[..(i + 1)];
            }
        }
        return [];
    }

    private static void AppendString(List<byte> buffer, string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        if (bytes.Length > ushort.MaxValue) throw new ArgumentException("index key or value longer than 65535 bytes");
        buffer.Add((byte)(bytes.Length >> 8));
        buffer.Add((byte)bytes.Length);
        buffer.AddRange(bytes);
    }
}
