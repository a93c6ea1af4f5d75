namespace Maci.Crypto.Bn254;

/// <summary>
/// Jacobian point arithmetic on y² = x³ + b (a = 0) over any field: x = X/Z², y = Y/Z³, Z = 0 is the point at infinity.
/// The shared core of <see cref="G1Jacobian"/> (over Fp) and <see cref="G2Jacobian"/> (over Fp2). Affine inputs are
/// passed as coordinates and are never the point at infinity (the public wrappers handle that case). Outputs may alias
/// inputs: every formula reads its inputs before writing the result.
/// </summary>
internal readonly struct Jacobian<TF> where TF : struct, IFieldElement<TF>
{
    public readonly TF X;
    public readonly TF Y;
    public readonly TF Z;

    public Jacobian(in TF x, in TF y, in TF z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static Jacobian<TF> Infinity => new(TF.One, TF.One, TF.Zero);

    public bool IsInfinity => Z.IsZero;

    /// <summary>The affine coordinates; false (and zeros) for the point at infinity.</summary>
    public bool TryToAffine(out TF x, out TF y)
    {
        if (IsInfinity) { x = TF.Zero; y = TF.Zero; return false; }
        TF.Inverse(Z, out var zi);
        ToAffine(zi, out x, out y);
        return true;
    }

    /// <summary>The affine coordinates given 1/Z.</summary>
    public void ToAffine(in TF zInverse, out TF x, out TF y)
    {
        TF.Square(zInverse, out var zi2);
        TF.Mul(zi2, zInverse, out var zi3);
        TF.Mul(X, zi2, out x);
        TF.Mul(Y, zi3, out y);
    }

    /// <summary>Doubling for a = 0 (dbl-2009-l).</summary>
    public static void Double(in Jacobian<TF> p, out Jacobian<TF> r)
    {
        if (p.IsInfinity || p.Y.IsZero) { r = Infinity; return; }
        TF.Square(p.X, out var a);
        TF.Square(p.Y, out var b);
        TF.Square(b, out var c);
        TF.Add(p.X, b, out var d);
        TF.Square(d, out d);
        TF.Sub(d, a, out d);
        TF.Sub(d, c, out d);
        TF.Double(d, out d);
        TF.Double(a, out var e);
        TF.Add(e, a, out e);
        TF.Square(e, out var f);
        TF.Double(d, out var x3);
        TF.Sub(f, x3, out x3);
        TF.Sub(d, x3, out var y3);
        TF.Mul(e, y3, out y3);
        TF.Double(c, out c);
        TF.Double(c, out c);
        TF.Double(c, out c);
        TF.Sub(y3, c, out y3);
        TF.Mul(p.Y, p.Z, out var z3);
        TF.Double(z3, out z3);
        r = new Jacobian<TF>(x3, y3, z3);
    }

    /// <summary>Mixed addition with the affine point (qx, qy) (madd-2007-bl), handling doubling and inverse points.</summary>
    public static void AddMixed(in Jacobian<TF> p, in TF qx, in TF qy, out Jacobian<TF> r)
    {
        if (p.IsInfinity) { r = new Jacobian<TF>(qx, qy, TF.One); return; }
        TF.Square(p.Z, out var z1z1);
        TF.Mul(qx, z1z1, out var u2);
        TF.Mul(qy, p.Z, out var s2);
        TF.Mul(s2, z1z1, out s2);
        TF.Sub(u2, p.X, out var h);
        TF.Sub(s2, p.Y, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        TF.Double(rr, out rr);
        TF.Square(h, out var hh);
        TF.Double(hh, out var i);
        TF.Double(i, out i);
        TF.Mul(h, i, out var j);
        TF.Mul(p.X, i, out var v);
        TF.Square(rr, out var x3);
        TF.Sub(x3, j, out x3);
        TF.Sub(x3, v, out x3);
        TF.Sub(x3, v, out x3);
        TF.Sub(v, x3, out var y3);
        TF.Mul(rr, y3, out y3);
        TF.Mul(p.Y, j, out var t);
        TF.Double(t, out t);
        TF.Sub(y3, t, out y3);
        TF.Add(p.Z, h, out var z3);
        TF.Square(z3, out z3);
        TF.Sub(z3, z1z1, out z3);
        TF.Sub(z3, hh, out z3);
        r = new Jacobian<TF>(x3, y3, z3);
    }

    /// <summary>General addition (add-2007-bl), handling doubling and inverse points.</summary>
    public static void Add(in Jacobian<TF> p, in Jacobian<TF> q, out Jacobian<TF> r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { r = q; return; }
        TF.Square(p.Z, out var z1z1);
        TF.Square(q.Z, out var z2z2);
        TF.Mul(p.X, z2z2, out var u1);
        TF.Mul(q.X, z1z1, out var u2);
        TF.Mul(p.Y, q.Z, out var s1);
        TF.Mul(s1, z2z2, out s1);
        TF.Mul(q.Y, p.Z, out var s2);
        TF.Mul(s2, z1z1, out s2);
        TF.Sub(u2, u1, out var h);
        TF.Sub(s2, s1, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        TF.Double(rr, out rr);
        TF.Double(h, out var i);
        TF.Square(i, out i);
        TF.Mul(h, i, out var j);
        TF.Mul(u1, i, out var v);
        TF.Square(rr, out var x3);
        TF.Sub(x3, j, out x3);
        TF.Sub(x3, v, out x3);
        TF.Sub(x3, v, out x3);
        TF.Sub(v, x3, out var y3);
        TF.Mul(rr, y3, out y3);
        TF.Mul(s1, j, out var t);
        TF.Double(t, out t);
        TF.Sub(y3, t, out y3);
        TF.Add(p.Z, q.Z, out var z3);
        TF.Square(z3, out z3);
        TF.Sub(z3, z1z1, out z3);
        TF.Sub(z3, z2z2, out z3);
        TF.Mul(z3, h, out z3);
        r = new Jacobian<TF>(x3, y3, z3);
    }

    public static void Neg(in Jacobian<TF> p, out Jacobian<TF> r)
    {
        TF.Neg(p.Y, out var y);
        r = new Jacobian<TF>(p.X, y, p.Z);
    }

    /// <summary>[k]·(qx, qy) for a scalar given as little-endian 64-bit limbs (variable time; public data only).</summary>
    public static void Multiply(in TF qx, in TF qy, ReadOnlySpan<ulong> scalar, out Jacobian<TF> r)
    {
        var acc = Infinity;
        for (int i = scalar.Length - 1; i >= 0; i--)
            for (int bit = 63; bit >= 0; bit--)
            {
                Double(acc, out acc);
                if (((scalar[i] >> bit) & 1) != 0) AddMixed(acc, qx, qy, out acc);
            }
        r = acc;
    }

    /// <summary>Compares the points they represent (cross-multiplied, no inversion).</summary>
    public static bool PointEquals(in Jacobian<TF> a, in Jacobian<TF> b)
    {
        if (a.IsInfinity || b.IsInfinity) return a.IsInfinity && b.IsInfinity;
        TF.Square(a.Z, out var za2);
        TF.Square(b.Z, out var zb2);
        TF.Mul(a.X, zb2, out var l);
        TF.Mul(b.X, za2, out var rr);
        if (!l.Equals(rr)) return false;
        TF.Mul(za2, a.Z, out var za3);
        TF.Mul(zb2, b.Z, out var zb3);
        TF.Mul(a.Y, zb3, out l);
        TF.Mul(b.Y, za3, out rr);
        return l.Equals(rr);
    }
}
