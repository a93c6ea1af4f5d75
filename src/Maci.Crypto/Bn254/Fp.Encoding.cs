using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Maci.Crypto.Bn254;

public readonly partial struct Fp
{
    /// <summary>The modulus p as a BigInteger (for parsing and tests; not used by arithmetic).</summary>
    public static BigInteger Modulus { get; } = FieldEncoding.ToBigInteger(FpModulus.Q);

    /// <summary>Parses a canonical 32-byte big-endian value; false for any other length or a value ≥ p.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes32, out Fp r)
    {
        if (bytes32.Length != 32) { r = default; return false; }
        var v = FieldEncoding.ReadBigEndian(bytes32);
        if (!v.LessThan(FpModulus.Q)) { r = default; return false; }
        Montgomery<FpModulus>.ToMontgomery(v, out var m);
        r = new Fp(m);
        return true;
    }

    /// <summary>Interprets up to 64 big-endian bytes as an integer and reduces it modulo p (for hash outputs).</summary>
    public static Fp FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes)
    {
        FieldEncoding.SplitWide(bytes, out var hi, out var lo);
        Montgomery<FpModulus>.ReduceFull(lo, out lo);
        Montgomery<FpModulus>.ReduceFull(hi, out hi);
        // v·R = lo·R2·R⁻¹ + hi·R3·R⁻¹ (since v = hi·2^256 + lo).
        Montgomery<FpModulus>.Mul(lo, FpModulus.R2, out var a);
        Montgomery<FpModulus>.Mul(hi, FpModulus.R3, out var b);
        Montgomery<FpModulus>.Add(a, b, out var m);
        return new Fp(m);
    }

    /// <summary>Writes the canonical (non-Montgomery) value as 32 big-endian bytes.</summary>
    public void WriteBytesBigEndian(Span<byte> dest32)
    {
        Montgomery<FpModulus>.FromMontgomery(M, out var c);
        FieldEncoding.WriteBigEndian(c, dest32);
    }

    /// <summary>Writes the canonical value as four little-endian limbs.</summary>
    public void ToCanonicalLimbs(Span<ulong> dest4)
    {
        if (dest4.Length < 4) throw new ArgumentException("destination needs 4 limbs", nameof(dest4));
        Montgomery<FpModulus>.FromMontgomery(M, out var c);
        dest4[0] = c.L0; dest4[1] = c.L1; dest4[2] = c.L2; dest4[3] = c.L3;
    }

    /// <summary>Builds an element from four little-endian canonical limbs; throws if the value is ≥ p.</summary>
    public static Fp FromCanonicalLimbs(ReadOnlySpan<ulong> limbs)
    {
        if (limbs.Length != 4) throw new ArgumentException("expected exactly 4 limbs", nameof(limbs));
        var v = new U256(limbs[0], limbs[1], limbs[2], limbs[3]);
        if (!v.LessThan(FpModulus.Q)) throw new ArgumentOutOfRangeException(nameof(limbs), "value is not below the modulus p");
        Montgomery<FpModulus>.ToMontgomery(v, out var m);
        return new Fp(m);
    }

    /// <summary>Converts 0 ≤ v &lt; p; throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public static Fp FromBigInteger(BigInteger v)
    {
        if (v.Sign < 0 || v >= Modulus) throw new ArgumentOutOfRangeException(nameof(v), "value must satisfy 0 <= v < p");
        Montgomery<FpModulus>.ToMontgomery(FieldEncoding.FromBigInteger(v), out var m);
        return new Fp(m);
    }

    public BigInteger ToBigInteger()
    {
        Montgomery<FpModulus>.FromMontgomery(M, out var c);
        return FieldEncoding.ToBigInteger(c);
    }

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal string; the value must be below p.</summary>
    public static bool TryParse(string? s, out Fp r)
    {
        r = default;
        if (!FieldEncoding.TryParseInteger(s, out var v) || v >= Modulus) return false;
        r = FromBigInteger(v);
        return true;
    }

    public static Fp Parse(string s) =>
        TryParse(s, out var r) ? r : throw new FormatException($"not a decimal or 0x-hex integer below p: '{FieldEncoding.Clip(s)}'");

    public override string ToString() => ToBigInteger().ToString(CultureInfo.InvariantCulture);
}
