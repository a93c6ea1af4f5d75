namespace Maci.Crypto.Bn254;

/// <summary>Fp6 = Fp2[v]/(v³ − ξ), ξ = 9 + u; the value is B0 + B1·v + B2·v². Outputs may alias inputs.</summary>
public readonly struct Fp6 : IEquatable<Fp6>
{
    public readonly Fp2 B0;
    public readonly Fp2 B1;
    public readonly Fp2 B2;

    public Fp6(in Fp2 b0, in Fp2 b1, in Fp2 b2)
    {
        B0 = b0;
        B1 = b1;
        B2 = b2;
    }

    public static Fp6 Zero => default;

    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    public bool IsZero => B0.IsZero && B1.IsZero && B2.IsZero;

    public static void Add(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2.Add(a.B0, b.B0, out var c0);
        Fp2.Add(a.B1, b.B1, out var c1);
        Fp2.Add(a.B2, b.B2, out var c2);
        r = new Fp6(c0, c1, c2);
    }

    public static void Sub(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2.Sub(a.B0, b.B0, out var c0);
        Fp2.Sub(a.B1, b.B1, out var c1);
        Fp2.Sub(a.B2, b.B2, out var c2);
        r = new Fp6(c0, c1, c2);
    }

    public static void Double(in Fp6 a, out Fp6 r)
    {
        Fp2.Double(a.B0, out var c0);
        Fp2.Double(a.B1, out var c1);
        Fp2.Double(a.B2, out var c2);
        r = new Fp6(c0, c1, c2);
    }

    public static void Neg(in Fp6 a, out Fp6 r)
    {
        Fp2.Neg(a.B0, out var c0);
        Fp2.Neg(a.B1, out var c1);
        Fp2.Neg(a.B2, out var c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>Karatsuba multiplication (six Fp2 multiplications).</summary>
    public static void Mul(in Fp6 a, in Fp6 b, out Fp6 r)
    {
        Fp2.Mul(a.B0, b.B0, out var t0);
        Fp2.Mul(a.B1, b.B1, out var t1);
        Fp2.Mul(a.B2, b.B2, out var t2);

        Fp2.Add(a.B1, a.B2, out var x);
        Fp2.Add(b.B1, b.B2, out var y);
        Fp2.Mul(x, y, out var c0);
        Fp2.Sub(c0, t1, out c0);
        Fp2.Sub(c0, t2, out c0);
        Fp2.MulByNonResidue(c0, out c0);
        Fp2.Add(c0, t0, out c0);

        Fp2.Add(a.B0, a.B1, out x);
        Fp2.Add(b.B0, b.B1, out y);
        Fp2.Mul(x, y, out var c1);
        Fp2.Sub(c1, t0, out c1);
        Fp2.Sub(c1, t1, out c1);
        Fp2.MulByNonResidue(t2, out var xt2);
        Fp2.Add(c1, xt2, out c1);

        Fp2.Add(a.B0, a.B2, out x);
        Fp2.Add(b.B0, b.B2, out y);
        Fp2.Mul(x, y, out var c2);
        Fp2.Sub(c2, t0, out c2);
        Fp2.Sub(c2, t2, out c2);
        Fp2.Add(c2, t1, out c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>Chung–Hasan squaring (SQR2).</summary>
    public static void Square(in Fp6 a, out Fp6 r)
    {
        Fp2.Square(a.B0, out var s0);
        Fp2.Mul(a.B0, a.B1, out var s1);
        Fp2.Double(s1, out s1);
        Fp2.Sub(a.B0, a.B1, out var s2);
        Fp2.Add(s2, a.B2, out s2);
        Fp2.Square(s2, out s2);
        Fp2.Mul(a.B1, a.B2, out var s3);
        Fp2.Double(s3, out s3);
        Fp2.Square(a.B2, out var s4);

        Fp2.MulByNonResidue(s3, out var c0);
        Fp2.Add(c0, s0, out c0);
        Fp2.MulByNonResidue(s4, out var c1);
        Fp2.Add(c1, s1, out c1);
        Fp2.Add(s1, s2, out var c2);
        Fp2.Add(c2, s3, out c2);
        Fp2.Sub(c2, s0, out c2);
        Fp2.Sub(c2, s4, out c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>Multiplication by v: (b0, b1, b2) → (ξ·b2, b0, b1).</summary>
    public static void MulByNonResidue(in Fp6 a, out Fp6 r)
    {
        Fp2.MulByNonResidue(a.B2, out var c0);
        r = new Fp6(c0, a.B0, a.B1);
    }

    public static void MulByFp2(in Fp6 a, in Fp2 b, out Fp6 r)
    {
        Fp2.Mul(a.B0, b, out var c0);
        Fp2.Mul(a.B1, b, out var c1);
        Fp2.Mul(a.B2, b, out var c2);
        r = new Fp6(c0, c1, c2);
    }

    /// <summary>Multiplication by the sparse element b0 + b1·v.</summary>
    public static void MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1, out Fp6 r)
    {
        Fp2.Mul(a.B0, b0, out var t0);
        Fp2.Mul(a.B1, b1, out var t1);

        Fp2.Add(a.B1, a.B2, out var x);
        Fp2.Mul(x, b1, out var c0);
        Fp2.Sub(c0, t1, out c0);
        Fp2.MulByNonResidue(c0, out c0);
        Fp2.Add(c0, t0, out c0);

        Fp2.Add(a.B0, a.B1, out x);
        Fp2.Add(b0, b1, out var y);
        Fp2.Mul(x, y, out var c1);
        Fp2.Sub(c1, t0, out c1);
        Fp2.Sub(c1, t1, out c1);

        Fp2.Add(a.B0, a.B2, out x);
        Fp2.Mul(x, b0, out var c2);
        Fp2.Sub(c2, t0, out c2);
        Fp2.Add(c2, t1, out c2);
        r = new Fp6(c0, c1, c2);
    }

    public static void Inverse(in Fp6 a, out Fp6 r)
    {
        Fp2.Square(a.B0, out var c0);
        Fp2.Mul(a.B1, a.B2, out var t);
        Fp2.MulByNonResidue(t, out t);
        Fp2.Sub(c0, t, out c0);

        Fp2.Square(a.B2, out var c1);
        Fp2.MulByNonResidue(c1, out c1);
        Fp2.Mul(a.B0, a.B1, out t);
        Fp2.Sub(c1, t, out c1);

        Fp2.Square(a.B1, out var c2);
        Fp2.Mul(a.B0, a.B2, out t);
        Fp2.Sub(c2, t, out c2);

        Fp2.Mul(a.B2, c1, out var n);
        Fp2.Mul(a.B1, c2, out t);
        Fp2.Add(n, t, out n);
        Fp2.MulByNonResidue(n, out n);
        Fp2.Mul(a.B0, c0, out t);
        Fp2.Add(n, t, out n);
        Fp2.Inverse(n, out n);

        Fp2.Mul(c0, n, out c0);
        Fp2.Mul(c1, n, out c1);
        Fp2.Mul(c2, n, out c2);
        r = new Fp6(c0, c1, c2);
    }

    public static bool operator ==(Fp6 a, Fp6 b) => a.Equals(b);

    public static bool operator !=(Fp6 a, Fp6 b) => !a.Equals(b);

    public bool Equals(Fp6 other) => B0 == other.B0 && B1 == other.B1 && B2 == other.B2;

    public override bool Equals(object? obj) => obj is Fp6 o && Equals(o);

    public override int GetHashCode() => HashCode.Combine(B0, B1, B2);

    public override string ToString() => $"[{B0}, {B1}, {B2}]";
}
