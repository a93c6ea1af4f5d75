namespace Maci.Crypto.Bn254;

/// <summary>A G1 point in Jacobian coordinates (x = X/Z², y = Y/Z³); Z = 0 is the point at infinity.</summary>
public readonly struct G1Jacobian
{
    public readonly Fp X;
    public readonly Fp Y;
    public readonly Fp Z;

    public G1Jacobian(in Fp x, in Fp y, in Fp z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static G1Jacobian Infinity => new(Fp.One, Fp.One, Fp.Zero);

    public bool IsInfinity => Z.IsZero;

    public static G1Jacobian FromAffine(in G1Affine a) => a.IsInfinity ? Infinity : new G1Jacobian(a.X, a.Y, Fp.One);

    public G1Affine ToAffine()
    {
        if (IsInfinity) return G1Affine.Infinity;
        Fp.Inverse(Z, out var zi);
        Fp.Square(zi, out var zi2);
        Fp.Mul(zi2, zi, out var zi3);
        Fp.Mul(X, zi2, out var x);
        Fp.Mul(Y, zi3, out var y);
        return new G1Affine(x, y);
    }

    /// <summary>Doubling for a = 0 (dbl-2009-l).</summary>
    public static void Double(in G1Jacobian p, out G1Jacobian r)
    {
        if (p.IsInfinity || p.Y.IsZero) { r = Infinity; return; }
        Fp.Square(p.X, out var a);
        Fp.Square(p.Y, out var b);
        Fp.Square(b, out var c);
        Fp.Add(p.X, b, out var d);
        Fp.Square(d, out d);
        Fp.Sub(d, a, out d);
        Fp.Sub(d, c, out d);
        Fp.Double(d, out d);
        Fp.Double(a, out var e);
        Fp.Add(e, a, out e);
        Fp.Square(e, out var f);
        Fp.Double(d, out var x3);
        Fp.Sub(f, x3, out x3);
        Fp.Sub(d, x3, out var y3);
        Fp.Mul(e, y3, out y3);
        Fp.Double(c, out c);
        Fp.Double(c, out c);
        Fp.Double(c, out c);
        Fp.Sub(y3, c, out y3);
        Fp.Mul(p.Y, p.Z, out var z3);
        Fp.Double(z3, out z3);
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>Mixed addition with an affine point (madd-2007-bl), handling doubling and inverse points.</summary>
    public static void AddMixed(in G1Jacobian p, in G1Affine q, out G1Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { r = FromAffine(q); return; }
        Fp.Square(p.Z, out var z1z1);
        Fp.Mul(q.X, z1z1, out var u2);
        Fp.Mul(q.Y, p.Z, out var s2);
        Fp.Mul(s2, z1z1, out s2);
        Fp.Sub(u2, p.X, out var h);
        Fp.Sub(s2, p.Y, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        Fp.Double(rr, out rr);
        Fp.Square(h, out var hh);
        Fp.Double(hh, out var i);
        Fp.Double(i, out i);
        Fp.Mul(h, i, out var j);
        Fp.Mul(p.X, i, out var v);
        Fp.Square(rr, out var x3);
        Fp.Sub(x3, j, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(v, x3, out var y3);
        Fp.Mul(rr, y3, out y3);
        Fp.Mul(p.Y, j, out var t);
        Fp.Double(t, out t);
        Fp.Sub(y3, t, out y3);
        Fp.Add(p.Z, h, out var z3);
        Fp.Square(z3, out z3);
        Fp.Sub(z3, z1z1, out z3);
        Fp.Sub(z3, hh, out z3);
        r = new G1Jacobian(x3, y3, z3);
    }

    /// <summary>General addition (add-2007-bl), handling doubling and inverse points.</summary>
    public static void Add(in G1Jacobian p, in G1Jacobian q, out G1Jacobian r)
    {
        if (q.IsInfinity) { r = p; return; }
        if (p.IsInfinity) { r = q; return; }
        Fp.Square(p.Z, out var z1z1);
        Fp.Square(q.Z, out var z2z2);
        Fp.Mul(p.X, z2z2, out var u1);
        Fp.Mul(q.X, z1z1, out var u2);
        Fp.Mul(p.Y, q.Z, out var s1);
        Fp.Mul(s1, z2z2, out s1);
        Fp.Mul(q.Y, p.Z, out var s2);
        Fp.Mul(s2, z1z1, out s2);
        Fp.Sub(u2, u1, out var h);
        Fp.Sub(s2, s1, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = Infinity;
            return;
        }
        Fp.Double(rr, out rr);
        Fp.Double(h, out var i);
        Fp.Square(i, out i);
        Fp.Mul(h, i, out var j);
        Fp.Mul(u1, i, out var v);
        Fp.Square(rr, out var x3);
        Fp.Sub(x3, j, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(v, x3, out var y3);
        Fp.Mul(rr, y3, out y3);
        Fp.Mul(s1, j, out var t);
        Fp.Double(t, out t);
        Fp.Sub(y3, t, out y3);
        Fp.Add(p.Z, q.Z, out var z3);
        Fp.Square(z3, out z3);
        Fp.Sub(z3, z1z1, out z3);
        Fp.Sub(z3, z2z2, out z3);
        Fp.Mul(z3, h, out z3);
        r = new G1Jacobian(x3, y3, z3);
    }

    public static void Neg(in G1Jacobian p, out G1Jacobian r)
    {
        Fp.Neg(p.Y, out var y);
        r = new G1Jacobian(p.X, y, p.Z);
    }

    /// <summary>[k]·p for a scalar given as little-endian 64-bit limbs (variable time; public data only).</summary>
    public static void Multiply(in G1Affine p, ReadOnlySpan<ulong> scalar, out G1Jacobian r)
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
            if (!points[i].IsInfinity) Fp.Mul(acc, points[i].Z, out acc);
        }
        Fp.Inverse(acc, out var inv); // inverse of the product of all non-zero Z
        for (int i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity) { result[i] = G1Affine.Infinity; continue; }
            Fp.Mul(inv, prefix[i], out var zi);      // 1/Z_i
            Fp.Mul(inv, points[i].Z, out inv);       // drop Z_i from the running inverse
            Fp.Square(zi, out var zi2);
            Fp.Mul(zi2, zi, out var zi3);
            Fp.Mul(points[i].X, zi2, out var x);
            Fp.Mul(points[i].Y, zi3, out var y);
            result[i] = new G1Affine(x, y);
        }
    }

    /// <summary>Compares the points they represent (cross-multiplied, no inversion).</summary>
    public static bool PointEquals(in G1Jacobian a, in G1Jacobian b)
    {
        if (a.IsInfinity || b.IsInfinity) return a.IsInfinity && b.IsInfinity;
        Fp.Square(a.Z, out var za2);
        Fp.Square(b.Z, out var zb2);
        Fp.Mul(a.X, zb2, out var l);
        Fp.Mul(b.X, za2, out var rr);
        if (l != rr) return false;
        Fp.Mul(za2, a.Z, out var za3);
        Fp.Mul(zb2, b.Z, out var zb3);
        Fp.Mul(a.Y, zb3, out l);
        Fp.Mul(b.Y, za3, out rr);
        return l == rr;
    }

    public override string ToString() => ToAffine().ToString();
}
