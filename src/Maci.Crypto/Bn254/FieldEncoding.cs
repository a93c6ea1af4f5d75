using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Maci.Crypto.Bn254;

/// <summary>Byte, limb and text conversions shared by <see cref="Fr"/> and <see cref="Fp"/>.</summary>
internal static class FieldEncoding
{
    private const int MaxTextLength = 200;

    public static U256 ReadBigEndian(ReadOnlySpan<byte> b32) => new(
        BinaryPrimitives.ReadUInt64BigEndian(b32[24..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32[16..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32[8..]),
        BinaryPrimitives.ReadUInt64BigEndian(b32));

    public static void WriteBigEndian(in U256 v, Span<byte> dest32)
    {
        if (dest32.Length < 32) throw new ArgumentException("destination needs 32 bytes", nameof(dest32));
        BinaryPrimitives.WriteUInt64BigEndian(dest32, v.L3);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[8..], v.L2);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[16..], v.L1);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[24..], v.L0);
    }

    /// <summary>Splits up to 64 big-endian bytes into the high and low 256-bit halves.</summary>
    public static void SplitWide(ReadOnlySpan<byte> bytes, out U256 hi, out U256 lo)
    {
        if (bytes.Length > 64) throw new ArgumentException("at most 64 bytes can be reduced", nameof(bytes));
        Span<byte> buf = stackalloc byte[64];
        buf.Clear();
        bytes.CopyTo(buf[(64 - bytes.Length)..]);
        hi = ReadBigEndian(buf[..32]);
        lo = ReadBigEndian(buf[32..]);
    }

    public static BigInteger ToBigInteger(in U256 v)
    {
        Span<byte> b = stackalloc byte[32];
        WriteBigEndian(v, b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Converts 0 ≤ v &lt; 2^256 (caller checks the range).</summary>
    public static U256 FromBigInteger(BigInteger v)
    {
        Span<byte> b = stackalloc byte[32];
        b.Clear();
        int n = v.GetByteCount(isUnsigned: true);
        if (v.Sign < 0 || n > 32) throw new ArgumentOutOfRangeException(nameof(v));
        v.TryWriteBytes(b[(32 - n)..], out _, isUnsigned: true, isBigEndian: true);
        return ReadBigEndian(b);
    }

    /// <summary>Strict non-negative integer parsing: only decimal digits, or "0x" followed by hex digits.</summary>
    public static bool TryParseInteger(string? s, out BigInteger v)
    {
        v = default;
        if (string.IsNullOrEmpty(s) || s.Length > MaxTextLength) return false;
        if (s.Length > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            var hex = s.AsSpan(2);
            foreach (var ch in hex)
                if (!char.IsAsciiHexDigit(ch)) return false;
            v = BigInteger.Parse("0" + hex.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return true;
        }
        foreach (var ch in s)
            if (!char.IsAsciiDigit(ch)) return false;
        v = BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    public static string Clip(string? s) => s is null ? "<null>" : s.Length <= 80 ? s : s[..80] + "…";
}
