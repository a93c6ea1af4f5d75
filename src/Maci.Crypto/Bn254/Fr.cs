using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Maci.Crypto.Bn254;

/// <summary>
/// An element of the BN254 scalar field, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617,
/// held in Montgomery form. Static operations take <c>in</c>/<c>out</c> arguments and allow aliasing (the output may be
/// one of the inputs).
/// </summary>
/// <remarks>The struct is exactly one <see cref="U256"/>; the hot operations write results in place through it.</remarks>
public readonly partial struct Fr : IEquatable<Fr>
{
    internal readonly U256 M;

    internal Fr(in U256 montgomery) => M = montgomery;

    public static Fr Zero => default;

    public static Fr One => new(FrModulus.R);

    public bool IsZero => M.IsZero;

    public static Fr FromUInt64(ulong v)
    {
        Montgomery<FrModulus>.ToMontgomery(new U256(v, 0, 0, 0), out var m);
        return new Fr(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fr a, in Fr b, out Fr r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FrModulus>.Add(a.M, b.M, out Unsafe.As<Fr, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fr a, in Fr b, out Fr r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FrModulus>.Sub(a.M, b.M, out Unsafe.As<Fr, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fr a, in Fr b, out Fr r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FrModulus>.Mul(a.M, b.M, out Unsafe.As<Fr, U256>(ref r));
    }

    /// <summary>Most terms <see cref="SumOfProducts"/> accepts.</summary>
    public const int MaxSumOfProductsTerms = Montgomery<FrModulus>.MaxDotTerms;

    /// <summary>
    /// Σ aᵢ·bᵢ over equally long spans of 1..<see cref="MaxSumOfProductsTerms"/> elements, reduced once for the whole
    /// sum (cheaper than separate multiplications and additions).
    /// </summary>
    public static void SumOfProducts(ReadOnlySpan<Fr> a, ReadOnlySpan<Fr> b, out Fr r)
    {
        if (a.Length != b.Length || a.Length is 0 or > MaxSumOfProductsTerms)
            throw new ArgumentException($"SumOfProducts takes two spans of 1..{MaxSumOfProductsTerms} elements of equal length, got {a.Length} and {b.Length}");
        Unsafe.SkipInit(out r);
        Montgomery<FrModulus>.Dot(MemoryMarshal.Cast<Fr, U256>(a), MemoryMarshal.Cast<Fr, U256>(b), out Unsafe.As<Fr, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fr a, out Fr r)
    {
        Unsafe.SkipInit(out r);
        Montgomery<FrModulus>.Mul(a.M, a.M, out Unsafe.As<Fr, U256>(ref r));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fr a, out Fr r)
    {
        Montgomery<FrModulus>.Neg(a.M, out var m);
        r = new Fr(m);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fr a, out Fr r)
    {
        Montgomery<FrModulus>.Add(a.M, a.M, out var m);
        r = new Fr(m);
    }

    /// <summary>Multiplicative inverse; the inverse of zero is zero.</summary>
    public static void Inverse(in Fr a, out Fr r)
    {
        Montgomery<FrModulus>.Inverse(a.M, out var m);
        r = new Fr(m);
    }

    /// <summary>A square root (Tonelli–Shanks); false and zero when <paramref name="a"/> is not a square.</summary>
    public static bool Sqrt(in Fr a, out Fr r)
    {
        bool ok = Montgomery<FrModulus>.Sqrt(a.M, out var m);
        r = new Fr(m);
        return ok;
    }

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs (a^0 = 1).</summary>
    public static void Pow(in Fr a, ReadOnlySpan<ulong> exponentLittleEndianLimbs, out Fr r)
    {
        Montgomery<FrModulus>.Pow(a.M, exponentLittleEndianLimbs, out var m);
        r = new Fr(m);
    }

    public static Fr operator +(Fr a, Fr b) { Add(a, b, out var r); return r; }

    public static Fr operator -(Fr a, Fr b) { Sub(a, b, out var r); return r; }

    public static Fr operator *(Fr a, Fr b) { Mul(a, b, out var r); return r; }

    public static Fr operator -(Fr a) { Neg(a, out var r); return r; }

    public static bool operator ==(Fr a, Fr b) => a.M.Equals(b.M);

    public static bool operator !=(Fr a, Fr b) => !a.M.Equals(b.M);

    public bool Equals(Fr other) => M.Equals(other.M);

    public override bool Equals(object? obj) => obj is Fr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(M.L0, M.L1, M.L2, M.L3);
}
