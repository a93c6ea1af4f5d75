using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// The EVM (EIP-196/197) uncompressed point encoding used by Solidity verifiers and Dora's contracts: 32-byte big-endian
/// words, G1 = x ‖ y (64 bytes), G2 = x.c1 ‖ x.c0 ‖ y.c1 ‖ y.c0 (128 bytes, imaginary part first); all zero is infinity.
/// Decoding is strict: coordinates must be below p, points on the curve, G2 points in the subgroup.
/// </summary>
public static class EvmEncoding
{
    public const int G1Size = 64;
    public const int G2Size = 128;

    public static G1Affine DecodeG1(ReadOnlySpan<byte> bytes, string what = "G1 point")
    {
        if (bytes.Length != G1Size) throw new Groth16FormatException($"{what}: expected {G1Size} bytes, got {bytes.Length}");
        var x = Coordinate(bytes[..32], what, "x");
        var y = Coordinate(bytes[32..], what, "y");
        return PointValidation.G1(new G1Affine(x, y), what);
    }

    public static G2Affine DecodeG2(ReadOnlySpan<byte> bytes, string what = "G2 point")
    {
        if (bytes.Length != G2Size) throw new Groth16FormatException($"{what}: expected {G2Size} bytes, got {bytes.Length}");
        var x1 = Coordinate(bytes[..32], what, "x.c1");
        var x0 = Coordinate(bytes[32..64], what, "x.c0");
        var y1 = Coordinate(bytes[64..96], what, "y.c1");
        var y0 = Coordinate(bytes[96..], what, "y.c0");
        return PointValidation.G2(new G2Affine(new Fp2(x0, x1), new Fp2(y0, y1)), what);
    }

    /// <summary>Decodes a hex string (optional 0x prefix) holding a 64-byte G1 point.</summary>
    public static G1Affine DecodeG1(string hex, string what = "G1 point") => DecodeG1(Hex(hex, G1Size, what), what);

    /// <summary>Decodes a hex string (optional 0x prefix) holding a 128-byte G2 point.</summary>
    public static G2Affine DecodeG2(string hex, string what = "G2 point") => DecodeG2(Hex(hex, G2Size, what), what);

    public static void EncodeG1(in G1Affine p, Span<byte> dest64)
    {
        if (dest64.Length != G1Size) throw new ArgumentException($"destination must be {G1Size} bytes", nameof(dest64));
        p.X.WriteBytesBigEndian(dest64[..32]);
        p.Y.WriteBytesBigEndian(dest64[32..]);
    }

    public static void EncodeG2(in G2Affine q, Span<byte> dest128)
    {
        if (dest128.Length != G2Size) throw new ArgumentException($"destination must be {G2Size} bytes", nameof(dest128));
        q.X.C1.WriteBytesBigEndian(dest128[..32]);
        q.X.C0.WriteBytesBigEndian(dest128[32..64]);
        q.Y.C1.WriteBytesBigEndian(dest128[64..96]);
        q.Y.C0.WriteBytesBigEndian(dest128[96..]);
    }

    public static string EncodeG1Hex(in G1Affine p)
    {
        Span<byte> b = stackalloc byte[G1Size];
        EncodeG1(p, b);
        return Convert.ToHexStringLower(b);
    }

    public static string EncodeG2Hex(in G2Affine q)
    {
        Span<byte> b = stackalloc byte[G2Size];
        EncodeG2(q, b);
        return Convert.ToHexStringLower(b);
    }

    private static Fp Coordinate(ReadOnlySpan<byte> word, string what, string name) =>
        Fp.TryFromBytesBigEndian(word, out var v)
            ? v
            : throw new Groth16FormatException($"{what}: coordinate {name} is not below the base field modulus p");

    internal static byte[] Hex(string? hex, int expectedBytes, string what)
    {
        if (hex is null) throw new Groth16FormatException($"{what}: missing hex string");
        var s = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (s.Length != 2 * expectedBytes)
            throw new Groth16FormatException($"{what}: expected {2 * expectedBytes} hex digits, got {s.Length}");
        foreach (var ch in s)
            if (!char.IsAsciiHexDigit(ch)) throw new Groth16FormatException($"{what}: '{ch}' is not a hex digit");
        return Convert.FromHexString(s);
    }
}
