using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Maci.Crypto.Bn254;

using F = MontgomeryField<Fr, FrModulus>;

/// <summary>
/// An element of the BN254 scalar field, r = 21888242871839275222246405745257275088548364400416034343698204186575808495617,
/// held in Montgomery form. Static operations take <c>in</c>/<c>out</c> arguments and allow aliasing (the output may be
/// one of the inputs).
/// </summary>
/// <remarks>
/// The struct is exactly one <see cref="U256"/>; the operations are shared with the other BN254 field through
/// <see cref="MontgomeryField{TSelf, TM}"/>.
/// </remarks>
public readonly partial struct Fr : IEquatable<Fr>, IFieldElement<Fr>, IMontgomeryElement<Fr, FrModulus>
{
    internal readonly U256 M;

    internal Fr(in U256 montgomery) => M = montgomery;

    static string IMontgomeryElement<Fr, FrModulus>.ModulusName => "r";

    public static Fr Zero => default;

    public static Fr One => F.One;

    public bool IsZero => M.IsZero;

    public static Fr FromUInt64(ulong v) => F.FromUInt64(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fr a, in Fr b, out Fr r) => F.Add(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fr a, in Fr b, out Fr r) => F.Sub(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in Fr a, in Fr b, out Fr r) => F.Mul(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fr a, out Fr r) => F.Square(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fr a, out Fr r) => F.Neg(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fr a, out Fr r) => F.Double(a, out r);

    /// <summary>Multiplicative inverse; the inverse of zero is zero.</summary>
    public static void Inverse(in Fr a, out Fr r) => F.Inverse(a, out r);

    /// <summary>A square root (Tonelli–Shanks); false and zero when <paramref name="a"/> is not a square.</summary>
    public static bool Sqrt(in Fr a, out Fr r) => F.Sqrt(a, out r);

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs (a^0 = 1).</summary>
    public static void Pow(in Fr a, ReadOnlySpan<ulong> exponentLittleEndianLimbs, out Fr r) => F.Pow(a, exponentLittleEndianLimbs, out r);

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

    public static Fr operator +(Fr a, Fr b) { Add(a, b, out var r); return r; }

    public static Fr operator -(Fr a, Fr b) { Sub(a, b, out var r); return r; }

    public static Fr operator *(Fr a, Fr b) { Mul(a, b, out var r); return r; }

    public static Fr operator -(Fr a) { Neg(a, out var r); return r; }

    public static bool operator ==(Fr a, Fr b) => a.M.Equals(b.M);

    public static bool operator !=(Fr a, Fr b) => !a.M.Equals(b.M);

    public bool Equals(Fr other) => M.Equals(other.M);

    public override bool Equals(object? obj) => obj is Fr other && Equals(other);

    public override int GetHashCode() => F.GetHashCode(this);
}
