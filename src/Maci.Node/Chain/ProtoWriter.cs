using Google.Protobuf;

namespace Maci.Node.Chain;

/// <summary>
/// A small proto3 writer over <see cref="CodedOutputStream"/> for the handful of CometBFT messages the
/// host hashes and stores. Scalars and bytes follow proto3 (zero/empty omitted); embedded messages are
/// written by the caller's choice, because gogoproto's non-nullable fields are always emitted.
/// </summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _buffer = new();
    private readonly CodedOutputStream _out;

    public ProtoWriter() => _out = new CodedOutputStream(_buffer, leaveOpen: true);

    public ProtoWriter Varint(int field, ulong value)
    {
        if (value == 0) return this;
        _out.WriteTag(field, WireFormat.WireType.Varint);
        _out.WriteUInt64(value);
        return this;
    }

    public ProtoWriter Int64(int field, long value) => Varint(field, unchecked((ulong)value));

    /// <summary>int32/enum fields: negatives are sign-extended to 64 bits as protobuf requires.</summary>
    public ProtoWriter Int32(int field, int value) => Varint(field, unchecked((ulong)(long)value));

    public ProtoWriter Bool(int field, bool value) => Varint(field, value ? 1UL : 0UL);

    public ProtoWriter SFixed64(int field, long value)
    {
        if (value == 0) return this;
        _out.WriteTag(field, WireFormat.WireType.Fixed64);
        _out.WriteSFixed64(value);
        return this;
    }

    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return this;
        return BytesAlways(field, value);
    }

    /// <summary>Writes a length-delimited field even when empty (repeated bytes elements, non-nullable messages).</summary>
    public ProtoWriter BytesAlways(int field, ReadOnlySpan<byte> value)
    {
        _out.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _out.WriteBytes(ByteString.CopyFrom(value));
        return this;
    }

    public ProtoWriter String(int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return this;
        _out.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _out.WriteString(value);
        return this;
    }

    public ProtoWriter Message(int field, ProtoWriter inner) => BytesAlways(field, inner.ToArray());

    public byte[] ToArray()
    {
        _out.Flush();
        return _buffer.ToArray();
    }
}
