using System.Globalization;
using System.Numerics;

namespace Maci.Crypto.Bn254;

internal static partial class MontgomeryField<TSelf, TM>
{
    /// <summary>The modulus as a BigInteger (for parsing and tests; not used by arithmetic).</summary>
    public static readonly BigInteger Modulus = FieldEncoding.ToBigInteger(TM.Q);

    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes32, out TSelf r)
    {
        if (bytes32.Length != 32) { r = default; return false; }
        var v = FieldEncoding.ReadBigEndian(bytes32);
        if (!v.LessThan(TM.Q)) { r = default; return false; }
        Montgomery<TM>.ToMontgomery(v, out var m);
        r = Wrap(m);
        return true;
    }

    public static TSelf FromBytesBigEndianReduced(ReadOnlySpan<byte> bytes)
    {
        FieldEncoding.SplitWide(bytes, out var hi, out var lo);
        Montgomery<TM>.ReduceFull(lo, out lo);
        Montgomery<TM>.ReduceFull(hi, out hi);
        // v·R = lo·R2·R⁻¹ + hi·R3·R⁻¹ (since v = hi·2^256 + lo).
        Montgomery<TM>.Mul(lo, TM.R2, out var a);
        Montgomery<TM>.Mul(hi, TM.R3, out var b);
        Montgomery<TM>.Add(a, b, out var m);
        return Wrap(m);
    }

    public static void WriteBytesBigEndian(in TSelf a, Span<byte> dest32)
    {
        Montgomery<TM>.FromMontgomery(M(a), out var c);
        FieldEncoding.WriteBigEndian(c, dest32);
    }

    public static void ToCanonicalLimbs(in TSelf a, Span<ulong> dest4)
    {
        if (dest4.Length < 4) throw new ArgumentException("destination needs 4 limbs", nameof(dest4));
        Montgomery<TM>.FromMontgomery(M(a), out var c);
        dest4[0] = c.L0; dest4[1] = c.L1; dest4[2] = c.L2; dest4[3] = c.L3;
    }

    public static TSelf FromCanonicalLimbs(ReadOnlySpan<ulong> limbs)
    {
        if (limbs.Length != 4) throw new ArgumentException("expected exactly 4 limbs", nameof(limbs));
        var v = new U256(limbs[0], limbs[1], limbs[2], limbs[3]);
        if (!v.LessThan(TM.Q)) throw new ArgumentOutOfRangeException(nameof(limbs), $"value is not below the modulus {TSelf.ModulusName}");
        Montgomery<TM>.ToMontgomery(v, out var m);
        return Wrap(m);
    }

    public static TSelf FromBigInteger(BigInteger v)
    {
        if (v.Sign < 0 || v >= Modulus) throw new ArgumentOutOfRangeException(nameof(v), $"value must satisfy 0 <= v < {TSelf.ModulusName}");
        Montgomery<TM>.ToMontgomery(FieldEncoding.FromBigInteger(v), out var m);
        return Wrap(m);
    }

    public static BigInteger ToBigInteger(in TSelf a)
    {
        Montgomery<TM>.FromMontgomery(M(a), out var c);
        return FieldEncoding.ToBigInteger(c);
    }

    public static bool TryParse(string? s, out TSelf r)
    {
        r = default;
        if (!FieldEncoding.TryParseInteger(s, out var v) || v >= Modulus) return false;
        r = FromBigInteger(v);
        return true;
    }

    public static TSelf Parse(string s) =>
        TryParse(s, out var r) ? r : throw new FormatException($"not a decimal or 0x-hex integer below {TSelf.ModulusName}: '{FieldEncoding.Clip(s)}'");

    public static string ToString(in TSelf a) => ToBigInteger(a).ToString(CultureInfo.InvariantCulture);
}
