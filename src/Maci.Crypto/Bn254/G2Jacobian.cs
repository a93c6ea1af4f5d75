namespace Maci.Crypto.Bn254;

/// <summary>A G2 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity.</summary>
public readonly struct G2Jacobian
{
    public readonly Fp2 X;
    public readonly Fp2 Y;
    public readonly Fp2 Z;

    public G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static G2Jacobian Infinity => new(Fp2.One, Fp2.One, Fp2.Zero);

    public bool IsInfinity => Z.IsZero;

    public static G2Jacobian FromAffine(in G2Affine a) => a.IsInfinity ? Infinity : new G2Jacobian(a.X, a.Y, Fp2.One);

    public G2Affine ToAffine()
    {
        if (IsInfinity) return G2Affine.Infinity;
        Fp2.Inverse(Z, out var zi);
        Fp2.Square(zi, out var zi2);
        Fp2.Mul(zi2, zi, out var zi3);
        Fp2.Mul(X, zi2, out var x);
        Fp2.Mul(Y, zi3, out var y);
        return new G2Affine(x, y);
    }

    /// <summary>Doubling for a = 0 (dbl-2009-l).</summary>
    public static void Double(in G2Jacobian p, out G2Jacobian r)
    {
        if (p.IsInfinity || p.Y.IsZero) { r = Infinity; return; }
        Fp2.Square(p.X, out var a);
        Fp2.Square(p.Y, out var b);
        Fp2.Square(b, out var c);
        Fp2.Add(p.X, b, out var d);
        Fp2.Square(d, out d);
        Fp2.Sub(d, a, out d);
        Fp2.Sub(d, c, out d);
        Fp2.Double(d, out d);
        Fp2.Double(a, out var e);
        Fp2.Add(e, a, out e);
        Fp2.Square(e, out var f);
        Fp2.Double(d, out var x3);
        Fp2.Sub(f, x3, out x3);
        Fp2.Sub(d, x3, out var y3);
        Fp2.Mul(e, y3, out y3);
        Fp2.Double(c, out c);
        Fp2.Double(c, out c);
        Fp2.Double(c, out c);
        Fp2.Sub(y3, c, out y3);
        Fp2.Mul(p.Y, p.Z, out var z3);
        Fp2.Double(z3, out z3);
        r = new G2Jacobian(x3, y3, z3);
    }

    /// <summary>Mixed addition with an affine point (madd-2007-bl), handling doubling and inverse points.</summary>
    public static void AddMixed(in G2Jacobian p, in G2Affine q, out G2Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { r = FromAffine(q); return; }
        Fp2.Square(p.Z, out var z1z1);
        Fp2.Mul(q.X, z1z1, out var u2);
        Fp2.Mul(q.Y, p.Z, out var s2);
        Fp2.Mul(s2, z1z1, out s2);
        Fp2.Sub(u2, p.X, out var h);
        Fp2.Sub(s2, p.Y, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        Fp2.Double(rr, out rr);
        Fp2.Square(h, out var hh);
        Fp2.Double(hh, out var i);
        Fp2.Double(i, out i);
        Fp2.Mul(h, i, out var j);
        Fp2.Mul(p.X, i, out var v);
        Fp2.Square(rr, out var x3);
        Fp2.Sub(x3, j, out x3);
        Fp2.Sub(x3, v, out x3);
        Fp2.Sub(x3, v, out x3);
        Fp2.Sub(v, x3, out var y3);
        Fp2.Mul(rr, y3, out y3);
        Fp2.Mul(p.Y, j, out var t);
        Fp2.Double(t, out t);
        Fp2.Sub(y3, t, out y3);
        Fp2.Add(p.Z, h, out var z3);
        Fp2.Square(z3, out z3);
        Fp2.Sub(z3, z1z1, out z3);
        Fp2.Sub(z3, hh, out z3);
        r = new G2Jacobian(x3, y3, z3);
    }

    /// <summary>General addition (add-2007-bl), handling doubling and inverse points.</summary>
    public static void Add(in G2Jacobian p, in G2Jacobian q, out G2Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { r = q; return; }
        Fp2.Square(p.Z, out var z1z1);
        Fp2.Square(q.Z, out var z2z2);
        Fp2.Mul(p.X, z2z2, out var u1);
        Fp2.Mul(q.X, z1z1, out var u2);
        Fp2.Mul(p.Y, q.Z, out var s1);
        Fp2.Mul(s1, z2z2, out s1);
        Fp2.Mul(q.Y, p.Z, out var s2);
        Fp2.Mul(s2, z1z1, out s2);
        Fp2.Sub(u2, u1, out var h);
        Fp2.Sub(s2, s1, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        Fp2.Double(rr, out rr);
        Fp2.Double(h, out var i);
        Fp2.Square(i, out i);
        Fp2.Mul(h, i, out var j);
        Fp2.Mul(u1, i, out var v);
        Fp2.Square(rr, out var x3);
        Fp2.Sub(x3, j, out x3);
        Fp2.Sub(x3, v, out x3);
        Fp2.Sub(x3, v, out x3);
        Fp2.Sub(v, x3, out var y3);
        Fp2.Mul(rr, y3, out y3);
        Fp2.Mul(s1, j, out var t);
        Fp2.Double(t, out t);
        Fp2.Sub(y3, t, out y3);
        Fp2.Add(p.Z, q.Z, out var z3);
        Fp2.Square(z3, out z3);
        Fp2.Sub(z3, z1z1, out z3);
        Fp2.Sub(z3, z2z2, out z3);
        Fp2.Mul(z3, h, out z3);
        r = new G2Jacobian(x3, y3, z3);
    }

    public static void Neg(in G2Jacobian p, out G2Jacobian r)
    {
        Fp2.Neg(p.Y, out var y);
        r = new G2Jacobian(p.X, y, p.Z);
    }

    /// <summary>[k]·p for a scalar given as little-endian 64-bit limbs (variable time; public data only).</summary>
    public static void Multiply(in G2Affine p, ReadOnlySpan<ulong> scalar, out G2Jacobian r)
    {
        var acc = Infinity;
        for (int i = scalar.Length - 1; i >= 0; i--)
            for (int bit = 63; bit >= 0; bit--)
            {
                Double(acc, out acc);
                if (((scalar[i] >> bit) & 1) != 0) AddMixed(acc, p, out acc);
            }
        r = acc;
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
        Fp2.Conjugate(p.X, out var x);
        Fp2.Conjugate(p.Y, out var y);
        Fp2.Conjugate(p.Z, out var z);
        Fp2.Mul(x, c.PsiX, out x);
        Fp2.Mul(y, c.PsiY, out y);
        return new G2Jacobian(x, y, z);
    }

    /// <summary>Compares the points they represent (cross-multiplied, no inversion).</summary>
    public static bool PointEquals(in G2Jacobian a, in G2Jacobian b)
    {
        if (a.IsInfinity || b.IsInfinity) return a.IsInfinity && b.IsInfinity;
        Fp2.Square(a.Z, out var za2);
        Fp2.Square(b.Z, out var zb2);
        Fp2.Mul(a.X, zb2, out var l);
        Fp2.Mul(b.X, za2, out var rr);
        if (l != rr) return false;
        Fp2.Mul(za2, a.Z, out var za3);
        Fp2.Mul(zb2, b.Z, out var zb3);
        Fp2.Mul(a.Y, zb3, out l);
        Fp2.Mul(b.Y, za3, out rr);
        return l == rr;
    }

    public override string ToString() => ToAffine().ToString();
}
