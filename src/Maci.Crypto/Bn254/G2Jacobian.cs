using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>A G2 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity.</summary>
/// <remarks>The formulas live in <see cref="Jacobian{TF}"/>; this type is exactly one such point over Fp2.</remarks>
public readonly struct G2Jacobian
{
    internal readonly Jacobian<Fp2> P;

    internal G2Jacobian(in Jacobian<Fp2> p) => P = p;

    public G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z) => P = new Jacobian<Fp2>(x, y, z);

    public Fp2 X => P.X;

    public Fp2 Y => P.Y;

    public Fp2 Z => P.Z;

    public static G2Jacobian Infinity => new(Jacobian<Fp2>.Infinity);

    public bool IsInfinity => P.IsInfinity;

    public static G2Jacobian FromAffine(in G2Affine a) => a.IsInfinity ? Infinity : new G2Jacobian(a.X, a.Y, Fp2.One);

    public G2Affine ToAffine() => P.TryToAffine(out var x, out var y) ? new G2Affine(x, y) : G2Affine.Infinity;

    /// <summary>Doubling for a = 0 (dbl-2009-l).</summary>
    public static void Double(in G2Jacobian p, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp2>.Double(p.P, out Core(ref r));
    }

    /// <summary>Mixed addition with an affine point (madd-2007-bl), handling doubling and inverse points.</summary>
    public static void AddMixed(in G2Jacobian p, in G2Affine q, out G2Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        Unsafe.SkipInit(out r);
        Jacobian<Fp2>.AddMixed(p.P, q.X, q.Y, out Core(ref r));
    }

    /// <summary>General addition (add-2007-bl), handling doubling and inverse points.</summary>
    public static void Add(in G2Jacobian p, in G2Jacobian q, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp2>.Add(p.P, q.P, out Core(ref r));
    }

    public static void Neg(in G2Jacobian p, out G2Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp2>.Neg(p.P, out Core(ref r));
    }

    /// <summary>[k]·p for a scalar given as little-endian 64-bit limbs (variable time; public data only).</summary>
    public static void Multiply(in G2Affine p, ReadOnlySpan<ulong> scalar, out G2Jacobian r)
    {
        if (p.IsInfinity) { r = Infinity; return; }
        Unsafe.SkipInit(out r);
        Jacobian<Fp2>.Multiply(p.X, p.Y, scalar, out Core(ref r));
    }

    /// <summary>[k]·p for a scalar-field element.</summary>
    public static void Multiply(in G2Affine p, in Fr k, out G2Jacobian r)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        Multiply(p, limbs, out r);
    }

    /// <summary>The twisted Frobenius ψ on Jacobian coordinates: (conj(X)·γx, conj(Y)·γy, conj(Z)).</summary>
    public static G2Jacobian Psi(in G2Jacobian p)
    {
        var c = TowerConstants.Instance;
        Fp2.Conjugate(p.P.X, out var x);
        Fp2.Conjugate(p.P.Y, out var y);
        Fp2.Conjugate(p.P.Z, out var z);
        Fp2.Mul(x, c.PsiX, out x);
        Fp2.Mul(y, c.PsiY, out y);
        return new G2Jacobian(x, y, z);
    }

    /// <summary>Compares the points they represent (cross-multiplied, no inversion).</summary>
    public static bool PointEquals(in G2Jacobian a, in G2Jacobian b) => Jacobian<Fp2>.PointEquals(a.P, b.P);

    public override string ToString() => ToAffine().ToString();

    /// <summary>The core point inside <paramref name="r"/>: the struct is exactly one <see cref="Jacobian{TF}"/>.</summary>
    private static ref Jacobian<Fp2> Core(ref G2Jacobian r) => ref Unsafe.As<G2Jacobian, Jacobian<Fp2>>(ref r);
}
