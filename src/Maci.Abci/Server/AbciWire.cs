using System.Buffers;
using Google.Protobuf;

namespace Maci.Abci.Server;

/// <summary>
/// ABCI socket framing (CometBFT v0.37+): every message is an unsigned protobuf varint length followed by that
/// many bytes of a protobuf <c>Request</c> or <c>Response</c>. Not the zigzag (signed) varint of v0.34.
/// </summary>
public static class AbciWire
{
    /// <summary>Longest encoding of a 64-bit unsigned varint.</summary>
    public const int MaxVarintLength = 10;

    /// <summary>Number of bytes <paramref name="value"/> takes as an unsigned varint.</summary>
    public static int UVarintLength(ulong value)
    {
        var length = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            length++;
        }
        return length;
    }

    /// <summary>Writes <paramref name="value"/> as an unsigned varint; returns the number of bytes written.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than the encoding.</exception>
    public static int WriteUVarint(Span<byte> destination, ulong value)
    {
        if (destination.Length < UVarintLength(value))
        {
            throw new ArgumentException("Destination too short for the varint.", nameof(destination));
        }
        var i = 0;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }
        destination[i++] = (byte)value;
        return i;
    }

    /// <summary>
    /// Reads an unsigned varint from the start of <paramref name="source"/>, with Go's <c>binary.Uvarint</c> rules:
    /// more than 10 bytes, or a 10th byte above 1, overflows 64 bits.
    /// </summary>
    public static VarintStatus TryReadUVarint(ReadOnlySpan<byte> source, out ulong value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var shift = 0;
        for (var i = 0; i < MaxVarintLength; i++)
        {
            if (i == source.Length)
            {
                value = 0;
                return VarintStatus.Incomplete;
            }
            var b = source[i];
            if (b < 0x80)
            {
                if (i == MaxVarintLength - 1 && b > 1)
                {
                    value = 0;
                    return VarintStatus.Overflow;
                }
                value |= (ulong)b << shift;
                consumed = i + 1;
                return VarintStatus.Ok;
            }
            value |= (ulong)(b & 0x7f) << shift;
            shift += 7;
        }
        value = 0;
        return VarintStatus.Overflow;
    }

    /// <summary>Sequence form of <see cref="TryReadUVarint(ReadOnlySpan{byte}, out ulong, out int)"/>;
    /// advances <paramref name="reader"/> only on success.</summary>
    public static VarintStatus TryReadUVarint(ref SequenceReader<byte> reader, out ulong value)
    {
        value = 0;
        var start = reader.Consumed;
        var shift = 0;
        for (var i = 0; i < MaxVarintLength; i++)
        {
            if (!reader.TryRead(out var b))
            {
                reader.Rewind(reader.Consumed - start);
                value = 0;
                return VarintStatus.Incomplete;
            }
            if (b < 0x80)
            {
                if (i == MaxVarintLength - 1 && b > 1)
                {
                    value = 0;
                    return VarintStatus.Overflow;
                }
                value |= (ulong)b << shift;
                return VarintStatus.Ok;
            }
            value |= (ulong)(b & 0x7f) << shift;
            shift += 7;
        }
        value = 0;
        return VarintStatus.Overflow;
    }

    /// <summary>
    /// Tries to cut one frame off the front of <paramref name="buffer"/>. On <see cref="FrameStatus.Complete"/>
    /// <paramref name="payload"/> is the message bytes and <paramref name="buffer"/> starts after the frame; on any
    /// other status <paramref name="buffer"/> is unchanged. The declared length is checked against
    /// <paramref name="maxMessageSize"/> before any payload is awaited, so nothing is sized from it.
    /// </summary>
    public static FrameStatus TryReadFrame(
        ref ReadOnlySequence<byte> buffer, int maxMessageSize, out ReadOnlySequence<byte> payload, out ulong declaredLength)
    {
        payload = default;
        var reader = new SequenceReader<byte>(buffer);
        switch (TryReadUVarint(ref reader, out declaredLength))
        {
            case VarintStatus.Incomplete:
                return FrameStatus.Incomplete;
            case VarintStatus.Overflow:
                return FrameStatus.LengthOverflow;
        }
        if (declaredLength > (ulong)maxMessageSize)
        {
            return FrameStatus.TooLarge;
        }
        var length = (long)declaredLength;
        if (reader.Remaining < length)
        {
            return FrameStatus.Incomplete;
        }
        payload = buffer.Slice(reader.Position, length);
        buffer = buffer.Slice(payload.End);
        return FrameStatus.Complete;
    }

    /// <summary>Appends one frame (length prefix + message) to <paramref name="writer"/>.</summary>
    public static void WriteFrame(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var prefix = writer.GetSpan(MaxVarintLength);
        writer.Advance(WriteUVarint(prefix, (ulong)size));
        if (size > 0)
        {
            message.WriteTo(writer);
        }
    }

    /// <summary>One frame (length prefix + message) as a new array.</summary>
    public static byte[] EncodeFrame(IMessage message)
    {
        var writer = new ArrayBufferWriter<byte>();
        WriteFrame(writer, message);
        return writer.WrittenSpan.ToArray();
    }
}
