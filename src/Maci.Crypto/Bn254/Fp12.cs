namespace Maci.Crypto.Bn254;

/// <summary>Fp12 = Fp6[w]/(w² − v); the value is C0 + C1·w (so w⁶ = ξ). Outputs may alias inputs.</summary>
public readonly partial struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp6 C0;
    public readonly Fp6 C1;

    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12 Zero => default;

    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    public bool IsOne => C0 == Fp6.One && C1.IsZero;

    public static void Add(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Add(a.C0, b.C0, out var c0);
        Fp6.Add(a.C1, b.C1, out var c1);
        r = new Fp12(c0, c1);
    }

    public static void Sub(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Sub(a.C0, b.C0, out var c0);
        Fp6.Sub(a.C1, b.C1, out var c1);
        r = new Fp12(c0, c1);
    }

    public static void Mul(in Fp12 a, in Fp12 b, out Fp12 r)
    {
        Fp6.Mul(a.C0, b.C0, out var t0);
        Fp6.Mul(a.C1, b.C1, out var t1);
        Fp6.Add(a.C0, a.C1, out var x);
        Fp6.Add(b.C0, b.C1, out var y);
        Fp6.Mul(x, y, out var c1);
        Fp6.Sub(c1, t0, out c1);
        Fp6.Sub(c1, t1, out c1);
        Fp6.MulByNonResidue(t1, out var c0);
        Fp6.Add(c0, t0, out c0);
        r = new Fp12(c0, c1);
    }

    /// <summary>Complex squaring: (A + Bw)² = (A + B)(A + vB) − AB − v·AB + 2AB·w.</summary>
    public static void Square(in Fp12 a, out Fp12 r)
    {
        Fp6.Mul(a.C0, a.C1, out var ab);
        Fp6.Add(a.C0, a.C1, out var s);
        Fp6.MulByNonResidue(a.C1, out var vb);
        Fp6.Add(a.C0, vb, out vb);
        Fp6.Mul(s, vb, out var c0);
        Fp6.Sub(c0, ab, out c0);
        Fp6.MulByNonResidue(ab, out var vab);
        Fp6.Sub(c0, vab, out c0);
        Fp6.Double(ab, out var c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>C0 − C1·w, the p⁶-power Frobenius map (the inverse on the cyclotomic subgroup).</summary>
    public static void Conjugate(in Fp12 a, out Fp12 r)
    {
        Fp6.Neg(a.C1, out var c1);
        r = new Fp12(a.C0, c1);
    }

    public static void Inverse(in Fp12 a, out Fp12 r)
    {
        Fp6.Square(a.C0, out var t0);
        Fp6.Square(a.C1, out var t1);
        Fp6.MulByNonResidue(t1, out t1);
        Fp6.Sub(t0, t1, out t0);
        Fp6.Inverse(t0, out var inv);
        Fp6.Mul(a.C0, inv, out var c0);
        Fp6.Mul(a.C1, inv, out var c1);
        Fp6.Neg(c1, out c1);
        r = new Fp12(c0, c1);
    }

    /// <summary>
    /// Multiplication by a sparse line value c0 + c3·w + c4·w³ (the shape of a D-type twist line evaluated at a G1 point).
    /// </summary>
    public static void MulBy034(in Fp12 a, in Fp2 c0, in Fp2 c3, in Fp2 c4, out Fp12 r)
    {
        Fp6.MulByFp2(a.C0, c0, out var t0);
        Fp6.MulBy01(a.C1, c3, c4, out var t1);
        Fp6.Add(a.C0, a.C1, out var s);
        Fp2.Add(c0, c3, out var d0);
        Fp6.MulBy01(s, d0, c4, out var n1);
        Fp6.Sub(n1, t0, out n1);
        Fp6.Sub(n1, t1, out n1);
        Fp6.MulByNonResidue(t1, out var n0);
        Fp6.Add(n0, t0, out n0);
        r = new Fp12(n0, n1);
    }

    /// <summary>Multiplication by the sparse element 1 + c3·w + c4·w³ (a normalised line).</summary>
    public static void MulBy134(in Fp12 a, in Fp2 c3, in Fp2 c4, out Fp12 r)
    {
        Fp6.MulBy01(a.C1, c3, c4, out var t1);
        Fp6.Add(a.C0, a.C1, out var s);
        Fp2.Add(Fp2.One, c3, out var d0);
        Fp6.MulBy01(s, d0, c4, out var n1);
        Fp6.Sub(n1, a.C0, out n1);
        Fp6.Sub(n1, t1, out n1);
        Fp6.MulByNonResidue(t1, out var n0);
        Fp6.Add(n0, a.C0, out n0);
        r = new Fp12(n0, n1);
    }

    /// <summary>a raised to an exponent given as little-endian 64-bit limbs (generic; used by tests and setup).</summary>
    public static void Pow(in Fp12 a, ReadOnlySpan<ulong> exponent, out Fp12 r)
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

    public static Fp12 operator *(Fp12 a, Fp12 b) { Mul(a, b, out var r); return r; }

    public static bool operator ==(Fp12 a, Fp12 b) => a.Equals(b);

    public static bool operator !=(Fp12 a, Fp12 b) => !a.Equals(b);

    public bool Equals(Fp12 other) => C0 == other.C0 && C1 == other.C1;

    public override bool Equals(object? obj) => obj is Fp12 o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(C0, C1);

    public override string ToString() => $"{{{C0}, {C1}}}";
}
