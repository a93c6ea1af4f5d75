using System.Numerics;

namespace Maci.Crypto.Bn254;

using F = MontgomeryField<Fp, FpModulus>;

public readonly partial struct Fp
{
    /// <summary>The modulus p as a BigInteger (for parsing and tests; not used by arithmetic).</summary>
    public static BigInteger Modulus => F.Modulus;

    /// <summary>Parses a canonical 32-byte big-endian value; false for any other length or a value ≥ p.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes32, out Fp r) => F.TryFromBytesBigEndian(bytes32, out r);

    /// <summary>Interprets up to 64 big-endian bytes as an integer and reduces it modulo p (for hash outputs).</summary>
    public static Fp FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes) => F.FromBytesBigEndianReduced(bytes);

    /// <summary>Writes the canonical (non-Montgomery) value as 32 big-endian bytes.</summary>
    public void WriteBytesBigEndian(Span<byte> dest32) => F.WriteBytesBigEndian(this, dest32);

    /// <summary>Writes the canonical value as four little-endian limbs.</summary>
    public void ToCanonicalLimbs(Span<ulong> dest4) => F.ToCanonicalLimbs(this, dest4);

    /// <summary>Builds an element from four little-endian canonical limbs; throws if the value is ≥ p.</summary>
    public static Fp FromCanonicalLimbs(ReadOnlySpan<ulong> limbs) => F.FromCanonicalLimbs(limbs);

    /// <summary>Converts 0 ≤ v &lt; p; throws <see cref="ArgumentOutOfRangeException"/> otherwise.</summary>
    public static Fp FromBigInteger(BigInteger v) => F.FromBigInteger(v);

    public BigInteger ToBigInteger() => F.ToBigInteger(this);

    /// <summary>Parses a decimal or 0x-prefixed hexadecimal string; the value must be below p.</summary>
    public static bool TryParse(string? s, out Fp r) => F.TryParse(s, out r);

    public static Fp Parse(string s) => F.Parse(s);

    public override string ToString() => F.ToString(this);
}
