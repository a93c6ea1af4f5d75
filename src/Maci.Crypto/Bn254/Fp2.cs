using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>Fp2 = Fp[u]/(u² + 1); the value is C0 + C1·u. Operations allow the output to alias an input.</summary>
public readonly partial struct Fp2 : IEquatable<Fp2>, IFieldElement<Fp2>
{
    public readonly Fp C0;
    public readonly Fp C1;

    public Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp2 Zero => default;

    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>ξ = 9 + u, the cubic and sextic non-residue of the tower.</summary>
    public static Fp2 Xi => new(Fp.FromUInt64(9), Fp.One);

    public bool IsZero => C0.IsZero && C1.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Add(a.C0, b.C0, out var c0);
        Fp.Add(a.C1, b.C1, out var c1);
        r = new Fp2(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Sub(a.C0, b.C0, out var c0);
        Fp.Sub(a.C1, b.C1, out var c1);
        r = new Fp2(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp2 a, out Fp2 r)
    {
        Fp.Double(a.C0, out var c0);
        Fp.Double(a.C1, out var c1);
        r = new Fp2(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in Fp2 a, out Fp2 r)
    {
        Fp.Neg(a.C0, out var c0);
        Fp.Neg(a.C1, out var c1);
        r = new Fp2(c0, c1);
    }

    /// <summary>Complex conjugation a0 − a1·u, which is also the p-power Frobenius map.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fp2 a, out Fp2 r)
    {
        Fp.Neg(a.C1, out var c1);
        r = new Fp2(a.C0, c1);
    }

    /// <summary>Karatsuba: three base-field multiplications.</summary>
    public static void Mul(in Fp2 a, in Fp2 b, out Fp2 r)
    {
        Fp.Mul(a.C0, b.C0, out var t0);
        Fp.Mul(a.C1, b.C1, out var t1);
        // The Karatsuba sums feed only the multiplication, which accepts operands below 2p: skip their reduction.
        Montgomery<FpModulus>.AddUnreduced(a.C0.M, a.C1.M, out var sa);
        Montgomery<FpModulus>.AddUnreduced(b.C0.M, b.C1.M, out var sb);
        Montgomery<FpModulus>.Mul(sa, sb, out var c1m);
        var c1 = new Fp(c1m);
        Fp.Sub(c1, t0, out c1);
        Fp.Sub(c1, t1, out c1);
        Fp.Sub(t0, t1, out var c0);
        r = new Fp2(c0, c1);
    }

    /// <summary>Complex squaring: (a0 + a1)(a0 − a1) + 2·a0·a1·u.</summary>
    public static void Square(in Fp2 a, out Fp2 r)
    {
        Fp.Add(a.C0, a.C1, out var s);
        Fp.Sub(a.C0, a.C1, out var d);
        Fp.Mul(a.C0, a.C1, out var m);
        Fp.Mul(s, d, out var c0);
        Fp.Double(m, out var c1);
        r = new Fp2(c0, c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulByFp(in Fp2 a, in Fp b, out Fp2 r)
    {
        Fp.Mul(a.C0, b, out var c0);
        Fp.Mul(a.C1, b, out var c1);
        r = new Fp2(c0, c1);
    }

    /// <summary>Multiplication by ξ = 9 + u: (9a0 − a1) + (a0 + 9a1)·u.</summary>
    public static void MulByNonResidue(in Fp2 a, out Fp2 r)
    {
        Fp.Double(a.C0, out var t0);
        Fp.Double(t0, out t0);
        Fp.Double(t0, out t0);
        Fp.Add(t0, a.C0, out t0); // 9·a0
        Fp.Double(a.C1, out var t1);
        Fp.Double(t1, out t1);
        Fp.Double(t1, out t1);
        Fp.Add(t1, a.C1, out t1); // 9·a1
        Fp.Sub(t0, a.C1, out var c0);
        Fp.Add(t1, a.C0, out var c1);
        r = new Fp2(c0, c1);
    }

    /// <summary>Inverse via the norm; the inverse of zero is zero.</summary>
    public static void Inverse(in Fp2 a, out Fp2 r)
    {
        Fp.Square(a.C0, out var n0);
        Fp.Square(a.C1, out var n1);
        Fp.Add(n0, n1, out var norm);
        Fp.Inverse(norm, out var inv);
        Fp.Mul(a.C0, inv, out var c0);
        Fp.Mul(a.C1, inv, out var c1);
        Fp.Neg(c1, out c1);
        r = new Fp2(c0, c1);
    }

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs.</summary>
    public static void Pow(in Fp2 a, ReadOnlySpan<ulong> exponent, out Fp2 r)
    {
        var acc = One;
        var b = a;
        for (int i = exponent.Length - 1; i >= 0; i--)
            for (int bit = 63; bit >= 0; bit--)
            {
                Square(acc, out acc);
                if (((exponent[i] >> bit) & 1) != 0) Mul(acc, b, out acc);
            }
        r = acc;
    }

    public static Fp2 operator +(Fp2 a, Fp2 b) { Add(a, b, out var r); return r; }

    public static Fp2 operator -(Fp2 a, Fp2 b) { Sub(a, b, out var r); return r; }

    public static Fp2 operator *(Fp2 a, Fp2 b) { Mul(a, b, out var r); return r; }

    public static Fp2 operator -(Fp2 a) { Neg(a, out var r); return r; }

    public static bool operator ==(Fp2 a, Fp2 b) => a.Equals(b);

    public static bool operator !=(Fp2 a, Fp2 b) => !a.Equals(b);

    public bool Equals(Fp2 other) => C0 == other.C0 && C1 == other.C1;

    public override bool Equals(object? obj) => obj is Fp2 o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"({C0}, {C1})";
}
