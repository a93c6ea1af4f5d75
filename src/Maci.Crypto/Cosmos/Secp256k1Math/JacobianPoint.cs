namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>
/// A point in Jacobian coordinates: (X, Y, Z) stands for (X/Z², Y/Z³); <see cref="IsInfinity"/> marks the
/// identity (its coordinates are then meaningless).
/// </summary>
internal readonly partial struct JacobianPoint(FieldElement x, FieldElement y, FieldElement z, bool isInfinity)
{
    public readonly FieldElement X = x;
    public readonly FieldElement Y = y;
    public readonly FieldElement Z = z;
    public readonly bool IsInfinity = isInfinity;

    public static JacobianPoint Infinity => new(default, default, default, true);

    public static JacobianPoint FromAffine(in AffinePoint p) => new(p.X, p.Y, FieldElement.One, false);

    public static JacobianPoint Negate(in JacobianPoint p)
    {
        FieldElement.Negate(p.Y, out var y);
        return new JacobianPoint(p.X, y, p.Z, p.IsInfinity);
    }

    /// <summary>The affine point; false for infinity.</summary>
    public bool TryToAffine(out AffinePoint p)
    {
        if (IsInfinity)
        {
            p = default;
            return false;
        }
        FieldElement.Invert(Z, out var zi);
        FieldElement.Sqr(zi, out var zi2);
        FieldElement.Mul(zi2, zi, out var zi3);
        FieldElement.Mul(X, zi2, out var x);
        FieldElement.Mul(Y, zi3, out var y);
        p = new AffinePoint(x, y);
        return true;
    }

    /// <summary>2P for a = 0 (dbl-2009-l, 2M + 5S). secp256k1 has no point of order 2, so Y ≠ 0.</summary>
    public static void Double(in JacobianPoint p, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = p;
            return;
        }
        FieldElement.Sqr(p.X, out var a);
        FieldElement.Sqr(p.Y, out var b);
        FieldElement.Sqr(b, out var c);
        FieldElement.Add(p.X, b, out var d);
        FieldElement.Sqr(d, out d);
        FieldElement.Sub(d, a, out d);
        FieldElement.Sub(d, c, out d);
        FieldElement.Double(d, out d);
        FieldElement.Double(a, out var e);
        FieldElement.Add(e, a, out e);
        FieldElement.Sqr(e, out var f);
        FieldElement.Double(d, out var d2);
        FieldElement.Sub(f, d2, out var x3);
        FieldElement.Sub(d, x3, out var y3);
        FieldElement.Mul(e, y3, out y3);
        FieldElement.Double(c, out var c8);
        FieldElement.Double(c8, out c8);
        FieldElement.Double(c8, out c8);
        FieldElement.Sub(y3, c8, out y3);
        FieldElement.Mul(p.Y, p.Z, out var z3);
        FieldElement.Double(z3, out z3);
        r = new JacobianPoint(x3, y3, z3, false);
    }

    /// <summary>P + Q with Q affine (8M + 3S in the generic case).</summary>
    public static void AddMixed(in JacobianPoint p, in AffinePoint q, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = FromAffine(q);
            return;
        }
        FieldElement.Sqr(p.Z, out var z1z1);
        FieldElement.Mul(q.X, z1z1, out var u2);
        FieldElement.Mul(p.Z, z1z1, out var s2);
        FieldElement.Mul(q.Y, s2, out s2);
        FieldElement.Sub(u2, p.X, out var h);
        FieldElement.Sub(s2, p.Y, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
                Double(p, out r);
            else
                r = Infinity;
            return;
        }
        FieldElement.Sqr(h, out var hh);
        FieldElement.Mul(h, hh, out var hhh);
        FieldElement.Mul(p.X, hh, out var v);
        FieldElement.Sqr(rr, out var x3);
        FieldElement.Sub(x3, hhh, out x3);
        FieldElement.Double(v, out var v2);
        FieldElement.Sub(x3, v2, out x3);
        FieldElement.Sub(v, x3, out var y3);
        FieldElement.Mul(rr, y3, out y3);
        FieldElement.Mul(p.Y, hhh, out var t);
        FieldElement.Sub(y3, t, out y3);
        FieldElement.Mul(p.Z, h, out var z3);
        r = new JacobianPoint(x3, y3, z3, false);
    }

    /// <summary>P + Q, both Jacobian (12M + 4S in the generic case).</summary>
    public static void Add(in JacobianPoint p, in JacobianPoint q, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = q;
            return;
        }
        if (q.IsInfinity)
        {
            r = p;
            return;
        }
        FieldElement.Sqr(p.Z, out var z1z1);
        FieldElement.Sqr(q.Z, out var z2z2);
        FieldElement.Mul(p.X, z2z2, out var u1);
        FieldElement.Mul(q.X, z1z1, out var u2);
        FieldElement.Mul(q.Z, z2z2, out var s1);
        FieldElement.Mul(p.Y, s1, out s1);
        FieldElement.Mul(p.Z, z1z1, out var s2);
        FieldElement.Mul(q.Y, s2, out s2);
        FieldElement.Sub(u2, u1, out var h);
        FieldElement.Sub(s2, s1, out var rr);
        if (h.IsZero)
        {
            if (rr.IsZero)
                Double(p, out r);
            else
                r = Infinity;
            return;
        }
        FieldElement.Sqr(h, out var hh);
        FieldElement.Mul(h, hh, out var hhh);
        FieldElement.Mul(u1, hh, out var v);
        FieldElement.Sqr(rr, out var x3);
        FieldElement.Sub(x3, hhh, out x3);
        FieldElement.Double(v, out var v2);
        FieldElement.Sub(x3, v2, out x3);
        FieldElement.Sub(v, x3, out var y3);
        FieldElement.Mul(rr, y3, out y3);
        FieldElement.Mul(s1, hhh, out var t);
        FieldElement.Sub(y3, t, out y3);
        FieldElement.Mul(p.Z, q.Z, out var z3);
        FieldElement.Mul(z3, h, out z3);
        r = new JacobianPoint(x3, y3, z3, false);
    }
}
