using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

using F = MontgomeryField<Fp, FpModulus>;

/// <summary>
/// An element of the BN254 base field, p = 21888242871839275222246405745257275088696311157297823662689037894645226208583,
/// held in Montgomery form. Static operations take <c>in</c>/<c>out</c> arguments and allow aliasing (the output may be
/// one of the inputs).
/// </summary>
/// <remarks>
/// The struct is exactly one <see cref="U256"/>; the operations are shared with the other BN254 field through
/// <see cref="MontgomeryField{TSelf, TM}"/>.
/// </remarks>
public readonly partial struct Fp : IEquatable<Fp>, IFieldElement<Fp>, IMontgomeryElement<Fp, FpModulus>
{
    internal readonly U256 M;

    internal Fp(in U256 montgomery) => M = montgomery;

    static string IMontgomeryElement<Fp, FpModulus>.ModulusName => "p";

    public static Fp Zero => default;

    public static Fp One => F.One;

    public bool IsZero => M.IsZero;

    public static Fp FromUInt64(ulong v) => F.FromUInt64(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp a, in Fp b, out Fp r) => F.Add(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp a, in Fp b, out Fp r) => F.Sub(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fp a, in Fp b, out Fp r) => F.Mul(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fp a, out Fp r) => F.Square(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp a, out Fp r) => F.Neg(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp a, out Fp r) => F.Double(a, out r);

    /// <summary>Multiplicative inverse; the inverse of zero is zero.</summary>
    public static void Inverse(in Fp a, out Fp r) => F.Inverse(a, out r);

    /// <summary>A square root (Tonelli–Shanks); false and zero when <paramref name="a"/> is not a square.</summary>
    public static bool Sqrt(in Fp a, out Fp r) => F.Sqrt(a, out r);

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs (a^0 = 1).</summary>
    public static void Pow(in Fp a, ReadOnlySpan<ulong> exponentLittleEndianLimbs, out Fp r) => F.Pow(a, exponentLittleEndianLimbs, out r);

    public static Fp operator +(Fp a, Fp b) { Add(a, b, out var r); return r; }

    public static Fp operator -(Fp a, Fp b) { Sub(a, b, out var r); return r; }

    public static Fp operator *(Fp a, Fp b) { Mul(a, b, out var r); return r; }

    public static Fp operator -(Fp a) { Neg(a, out var r); return r; }

    public static bool operator ==(Fp a, Fp b) => a.M.Equals(b.M);

    public static bool operator !=(Fp a, Fp b) => !a.M.Equals(b.M);

    public bool Equals(Fp other) => M.Equals(other.M);

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => F.GetHashCode(this);
}
