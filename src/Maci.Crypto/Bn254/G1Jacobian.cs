using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>A G1 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity.</summary>
/// <remarks>The formulas live in <see cref="Jacobian{TF}"/>; this type is exactly one such point over Fp.</remarks>
public readonly struct G1Jacobian
{
    internal readonly Jacobian<Fp> P;

    internal G1Jacobian(in Jacobian<Fp> p) => P = p;

    public G1Jacobian(in Fp x, in Fp y, in Fp z) => P = new Jacobian<Fp>(x, y, z);

    public Fp X => P.X;

    public Fp Y => P.Y;

    public Fp Z => P.Z;

    public static G1Jacobian Infinity => new(Jacobian<Fp>.Infinity);

    public bool IsInfinity => P.IsInfinity;

    public static G1Jacobian FromAffine(in G1Affine a) => a.IsInfinity ? Infinity : new G1Jacobian(a.X, a.Y, Fp.One);

    public G1Affine ToAffine() => P.TryToAffine(out var x, out var y) ? new G1Affine(x, y) : G1Affine.Infinity;

    /// <summary>Doubling for a = 0 (dbl-2009-l).</summary>
    public static void Double(in G1Jacobian p, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp>.Double(p.P, out Core(ref r));
    }

    /// <summary>Mixed addition with an affine point (madd-2007-bl), handling doubling and inverse points.</summary>
    public static void AddMixed(in G1Jacobian p, in G1Affine q, out G1Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        Unsafe.SkipInit(out r);
        Jacobian<Fp>.AddMixed(p.P, q.X, q.Y, out Core(ref r));
    }

    /// <summary>General addition (add-2007-bl), handling doubling and inverse points.</summary>
    public static void Add(in G1Jacobian p, in G1Jacobian q, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp>.Add(p.P, q.P, out Core(ref r));
    }

    public static void Neg(in G1Jacobian p, out G1Jacobian r)
    {
        Unsafe.SkipInit(out r);
        Jacobian<Fp>.Neg(p.P, out Core(ref r));
    }

    /// <summary>[k]·p for a scalar given as little-endian 64-bit limbs (variable time; public data only).</summary>
    public static void Multiply(in G1Affine p, ReadOnlySpan<ulong> scalar, out G1Jacobian r)
    {
        if (p.IsInfinity) { r = Infinity; return; }
        Unsafe.SkipInit(out r);
        Jacobian<Fp>.Multiply(p.X, p.Y, scalar, out Core(ref r));
    }

    /// <summary>[k]·p for a scalar-field element.</summary>
    public static void Multiply(in G1Affine p, in Fr k, out G1Jacobian r)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        Multiply(p, limbs, out r);
    }

    /// <summary>Converts many points to affine form with a single field inversion (Montgomery's trick).</summary>
    public static void BatchToAffine(ReadOnlySpan<G1Jacobian> points, Span<G1Affine> result)
    {
        if (result.Length != points.Length) throw new ArgumentException("result must have the same length as points", nameof(result));
        var prefix = new Fp[points.Length];
        var acc = Fp.One;
        for (int i = 0; i < points.Length; i++)
        {
            prefix[i] = acc;
            if (!points[i].IsInfinity) Fp.Mul(acc, points[i].P.Z, out acc);
        }
        Fp.Inverse(acc, out var inv); // inverse of the product of all non-zero Z
        for (int i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity) { result[i] = G1Affine.Infinity; continue; }
            Fp.Mul(inv, prefix[i], out var zi);      // 1/Z_i
            Fp.Mul(inv, points[i].P.Z, out inv);     // drop Z_i from the running inverse
            points[i].P.ToAffine(zi, out var x, out var y);
            result[i] = new G1Affine(x, y);
        }
    }

    /// <summary>Compares the points they represent (cross-multiplied, no inversion).</summary>
    public static bool PointEquals(in G1Jacobian a, in G1Jacobian b) => Jacobian<Fp>.PointEquals(a.P, b.P);

    public override string ToString() => ToAffine().ToString();

    /// <summary>The core point inside <paramref name="r"/>: the struct is exactly one <see cref="Jacobian{TF}"/>.</summary>
    private static ref Jacobian<Fp> Core(ref G1Jacobian r) => ref Unsafe.As<G1Jacobian, Jacobian<Fp>>(ref r);
}
