using System.Runtime.CompilerServices;

namespace Maci.Sdk.Wire;

/// <summary>
/// A strict, allocation-free protobuf reader over a span. Every method returns false on malformed
/// input (truncation, over-long varints, field number 0, groups) instead of throwing.
/// </summary>
[SkipLocalsInit]
public ref struct ProtoReader
{
    private readonly ReadOnlySpan<byte> _buffer;
    private int _pos;

    public ProtoReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        _pos = 0;
    }

    public readonly bool End => _pos >= _buffer.Length;

    public readonly int Position => _pos;

    /// <summary>Reads a field key. Field numbers must be in 1..2^29−1 and groups are refused.</summary>
    public bool TryReadTag(out int field, out WireType wireType)
    {
        field = 0;
        wireType = 0;
        if (!TryReadVarint(out var key) || key > uint.MaxValue) return false;
        field = (int)(key >> 3);
        wireType = (WireType)(key & 7);
        return field > 0 && wireType is WireType.Varint or WireType.Fixed64 or WireType.LengthDelimited or WireType.Fixed32;
    }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (_pos >= _buffer.Length) return false;
            var b = _buffer[_pos++];
            if (shift == 63 && b > 1) return false; // more than 64 bits
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return true;
        }
        return false;
    }

    public bool TryReadLengthDelimited(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out var len) || len > (ulong)(_buffer.Length - _pos)) return false;
        bytes = _buffer.Slice(_pos, (int)len);
        _pos += (int)len;
        return true;
    }

    /// <summary>Like <see cref="TryReadLengthDelimited"/> but returns the offset and length within the buffer.</summary>
    public bool TryReadLengthDelimitedRange(out int offset, out int length)
    {
        offset = length = 0;
        if (!TryReadVarint(out var len) || len > (ulong)(_buffer.Length - _pos)) return false;
        offset = _pos;
        length = (int)len;
        _pos += length;
        return true;
    }

    public bool TrySkip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                return TryReadVarint(out _);
            case WireType.Fixed64:
                if (_buffer.Length - _pos < 8) return false;
                _pos += 8;
                return true;
            case WireType.Fixed32:
                if (_buffer.Length - _pos < 4) return false;
                _pos += 4;
                return true;
            case WireType.LengthDelimited:
                return TryReadLengthDelimited(out _);
            default:
                return false;
        }
    }
}
