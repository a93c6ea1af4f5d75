using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>
/// An element of the BN254 base field, p = 21888242871839275222246405745257275088696311157297823662689037894645226208583,
/// held in Montgomery form. Static operations take <c>in</c>/<c>out</c> arguments and allow aliasing (the output may be
/// one of the inputs).
/// </summary>
/// <remarks>The struct is exactly one <see cref="U256"/>; the hot operations write results in place through it.</remarks>
public readonly partial struct Fp : IEquatable<Fp>, IFieldElement<Fp>
{
    internal readonly U256 M;

    internal Fp(in U256 montgomery) => M = montgomery;

    public static Fp Zero => default;

    public static Fp One => new(FpModulus.R);

    public bool IsZero => M.IsZero;

    public static Fp FromUInt64(ulong v)
    {
        Montgomery<FpModulus>.ToMontgomery(new U256(v, 0, 0, 0), out var m);
        return new Fp(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp a, in Fp b, out Fp r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FpModulus>.Add(a.M, b.M, out Unsafe.As<Fp, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp a, in Fp b, out Fp r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FpModulus>.Sub(a.M, b.M, out Unsafe.As<Fp, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fp a, in Fp b, out Fp r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FpModulus>.Mul(a.M, b.M, out Unsafe.As<Fp, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fp a, out Fp r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FpModulus>.Mul(a.M, a.M, out Unsafe.As<Fp, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp a, out Fp r)
    {
        Montgomery<FpModulus>.Neg(a.M, out var m);
        r = new Fp(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp a, out Fp r)
    {
        Montgomery<FpModulus>.Add(a.M, a.M, out var m);
        r = new Fp(m);
    }

    /// <summary>Multiplicative inverse; the inverse of zero is zero.</summary>
    public static void Inverse(in Fp a, out Fp r)
    {
        Montgomery<FpModulus>.Inverse(a.M, out var m);
        r = new Fp(m);
    }

    /// <summary>A square root (Tonelli–Shanks); false and zero when <paramref name="a"/> is not a square.</summary>
    public static bool Sqrt(in Fp a, out Fp r)
    {
        bool ok = Montgomery<FpModulus>.Sqrt(a.M, out var m);
        r = new Fp(m);
        return ok;
    }

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs (a^0 = 1).</summary>
    public static void Pow(in Fp a, ReadOnlySpan<ulong> exponentLittleEndianLimbs, out Fp r)
    {
        Montgomery<FpModulus>.Pow(a.M, exponentLittleEndianLimbs, out var m);
        r = new Fp(m);
    }

    public static Fp operator +(Fp a, Fp b) { Add(a, b, out var r); return r; }

    public static Fp operator -(Fp a, Fp b) { Sub(a, b, out var r); return r; }

    public static Fp operator *(Fp a, Fp b) { Mul(a, b, out var r); return r; }

    public static Fp operator -(Fp a) { Neg(a, out var r); return r; }

    public static bool operator ==(Fp a, Fp b) => a.M.Equals(b.M);

    public static bool operator !=(Fp a, Fp b) => !a.M.Equals(b.M);

    public bool Equals(Fp other) => M.Equals(other.M);

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(M.L0, M.L1, M.L2, M.L3);
}
