using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;

namespace Maci.Crypto.Bn254;

public readonly partial struct Fr
{
    /// <summary>The modulus r as a BigInteger (for parsing and tests; not used by arithmetic).</summary>
    public static BigInteger Modulus { get; } = FieldEncoding.ToBigInteger(FrModulus.Q);

    /// <summary>Parses a canonical 32-byte big-endian value; false for any other length or a value ≥ r.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes32, out Fr r)
    {
        if (bytes32.Length != 32) { r = default; return false; }
        var v = FieldEncoding.ReadBigEndian(bytes32);
        if (!v.LessThan(FrModulus.Q)) { r = default; return false; }
        Montgomery<FrModulus>.ToMontgomery(v, out var m);
        r = new Fr(m);
        return true;
    }

    /// <summary>Interprets up to 64 big-endian bytes as an integer and reduces it modulo r (for hash outputs).</summary>
    public static Fr FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes)
    {
        FieldEncoding.SplitWide(bytes, out var hi, out var lo);
        Montgomery<FrModulus>.ReduceFull(lo, out lo);
        Montgomery<FrModulus>.ReduceFull(hi, out hi);
        // v·R = lo·R2·R⁻¹ + hi·R3·R⁻¹ (since v = hi·2^256 + lo).
        Montgomery<FrModulus>.Mul(lo, FrModulus.R2, out var a);
        Montgomery<FrModulus>.Mul(hi, FrModulus.R3, out var b);
        Montgomery<FrModulus>.Add(a, b, out var m);
        return new Fr(m);
    }

    /// <summary>Writes the canonical (non-Montgomery) value as 32 big-endian bytes.</summary>
    public void WriteBytesBigEndian(Span<byte> dest32)
    {
        Montgomery<FrModulus>.FromMontgomery(M, out var c);
        FieldEncoding.WriteBigEndian(c, dest32);
    }

    /// <summary>Writes the canonical value as four little-endian limbs.</summary>
    public void ToCanonicalLimbs(Span<ulong> dest4)
    {
        if (dest4.Length < 4) throw new ArgumentException("destination needs 4 limbs", nameof(dest4));
        Montgomery<FrModulus>.FromMontgomery(M, out var c);
        dest4[0] = c.L0; dest4[1] = c.L1; dest4[2] = c.L2; dest4[3] = c.L3;
    }

    /// <summary>Builds an element from four little-endian canonical limbs; throws if the value is ≥ r.</summary>
    public static Fr FromCanonicalLimbs(ReadOnlySpan<ulong> limbs)
    {
        if (limbs.Length != 4) throw new ArgumentException("expected exactly 4 limbs", nameof(limbs));
        var v = new U256(limbs[0], limbs[1], limbs[2], limbs[3]);
        if (!v.LessThan(FrModulus.Q)) throw new ArgumentOutOfRangeException(nameof(limbs), "value is not below the modulus r");
        Montgomery<FrModulus>.ToMontgomery(v, out var m);
        return new Fr(m);
    }

    /// <summary>Converts 0 ≤ v &lt; r; throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public static Fr FromBigInteger(BigInteger v)
    {
        if (v.Sign < 0 || v >= Modulus) throw new ArgumentOutOfRangeException(nameof(v), "value must satisfy 0 <= v < r");
        Montgomery<FrModulus>.ToMontgomery(FieldEncoding.FromBigInteger(v), out var m);
        return new Fr(m);
    }

    public BigInteger ToBigInteger()
    {
        Montgomery<FrModulus>.FromMontgomery(M, out var c);
        return FieldEncoding.ToBigInteger(c);
    }

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal string; the value must be below r.</summary>
    public static bool TryParse(string? s, out Fr r)
    {
        r = default;
        if (!FieldEncoding.TryParseInteger(s, out var v) || v >= Modulus) return false;
        r = FromBigInteger(v);
        return true;
    }

    public static Fr Parse(string s) =>
        TryParse(s, out var r) ? r : throw new FormatException($"not a decimal or 0x-hex integer below r: '{FieldEncoding.Clip(s)}'");

    public override string ToString() => ToBigInteger().ToString(CultureInfo.InvariantCulture);
}
