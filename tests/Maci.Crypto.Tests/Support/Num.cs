using System.Globalization;
using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Support;

/// <summary>Number helpers for tests: the fixtures write integers in decimal or 0x-hex.</summary>
internal static class Num
{
    public static BigInteger Big(string s)
    {
        s = s.Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return BigInteger.Parse("0" + s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    public static Fr F(string s) => Fr.FromBigInteger(Big(s));

    public static Fr F(BigInteger v) => Fr.FromBigInteger(v);

    public static string Dec(Fr v) => v.ToString();

    /// <summary>Minimal big-endian bytes of a non-negative integer (zero is one 0x00 byte), as the Dora SDK writes keys.</summary>
    public static byte[] MinimalBigEndian(BigInteger v)
    {
        if (v.Sign < 0) throw new ArgumentOutOfRangeException(nameof(v));
        return v.IsZero ? [0] : v.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    /// <summary>Little-endian fixed-width bytes of a non-negative integer.</summary>
    public static byte[] LittleEndian(BigInteger v, int size)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: false);
        if (bytes.Length > size) throw new ArgumentOutOfRangeException(nameof(v), "value does not fit");
        var result = new byte[size];
        bytes.CopyTo(result, 0);
        return result;
    }

    public static BigInteger FromLittleEndian(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: false);

    public static BigInteger R => Fr.Modulus;

    /// <summary>Baby Jubjub prime subgroup order l.</summary>
    public static BigInteger L { get; } =
        BigInteger.Parse("2736030358979909402780800718157159386076813972158567259200215660948447373041", CultureInfo.InvariantCulture);

    /// <summary>A uniformly random value below <paramref name="bound"/> from a seeded generator.</summary>
    public static BigInteger Below(Random rng, BigInteger bound)
    {
        var bytes = new byte[bound.GetByteCount(isUnsigned: true) + 8];
        rng.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }
}
