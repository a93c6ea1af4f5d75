using System.Runtime.CompilerServices;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>
/// A Baby Jubjub point in extended twisted Edwards coordinates (X:Y:T:Z), x = X/Z, y = Y/Z, T = XY/Z
/// (Hisil–Wong–Carter–Dawson 2008, formulas for general a). With a a square and d a non-square the addition law
/// is complete, so these formulas hold for every pair of curve points, the identity included.
/// </summary>
internal readonly struct ExtendedPoint
{
    public readonly Fr X;
    public readonly Fr Y;
    public readonly Fr T;
    public readonly Fr Z;

    public ExtendedPoint(in Fr x, in Fr y, in Fr t, in Fr z)
    {
        X = x;
        Y = y;
        T = t;
        Z = z;
    }

    public static ExtendedPoint Identity => new(Fr.Zero, Fr.One, Fr.Zero, Fr.One);

    public static ExtendedPoint FromAffine(in BabyJubjubPoint p)
    {
        Fr.Mul(p.X, p.Y, out var t);
        return new ExtendedPoint(p.X, p.Y, t, Fr.One);
    }

    public BabyJubjubPoint ToAffine()
    {
        Fr.Inverse(Z, out var zInv);
        Fr.Mul(X, zInv, out var x);
        Fr.Mul(Y, zInv, out var y);
        return new BabyJubjubPoint(x, y);
    }

    public bool IsIdentity => X.IsZero && Y == Z;

    /// <summary>Projective comparison with an affine point: X = x·Z and Y = y·Z.</summary>
    public bool EqualsAffine(in BabyJubjubPoint p)
    {
        Fr.Mul(p.X, Z, out var x);
        Fr.Mul(p.Y, Z, out var y);
        return x == X && y == Y;
    }

    public static void Add(in ExtendedPoint p, in ExtendedPoint q, out ExtendedPoint r)
    {
        Fr.Mul(p.X, q.X, out var a);
        Fr.Mul(p.Y, q.Y, out var b);
        Fr.Mul(p.T, q.T, out var c);
        Fr.Mul(c, BabyJubjubCurve.DField, out c);
        Fr.Mul(p.Z, q.Z, out var d);
        Fr.Add(p.X, p.Y, out var s1);
        Fr.Add(q.X, q.Y, out var s2);
        Fr.Mul(s1, s2, out var e);
        Fr.Sub(e, a, out e);
        Fr.Sub(e, b, out e);
        Fr.Sub(d, c, out var f);
        Fr.Add(d, c, out var g);
        Fr.Mul(a, BabyJubjubCurve.AField, out var aa);
        Fr.Sub(b, aa, out var h);
        Fr.Mul(e, f, out var x3);
        Fr.Mul(g, h, out var y3);
        Fr.Mul(e, h, out var t3);
        Fr.Mul(f, g, out var z3);
        r = new ExtendedPoint(x3, y3, t3, z3);
    }

    public static void Double(in ExtendedPoint p, out ExtendedPoint r) => Double(p, true, out r);

    /// <summary>Doubling reads only X, Y, Z; T is needed only when an addition follows, so a run of doublings skips it.</summary>
    public static void Double(in ExtendedPoint p, bool withT, out ExtendedPoint r)
    {
        Fr.Square(p.X, out var a);
        Fr.Square(p.Y, out var b);
        Fr.Square(p.Z, out var c);
        Fr.Double(c, out c);
        Fr.Mul(a, BabyJubjubCurve.AField, out var d);
        Fr.Add(p.X, p.Y, out var s);
        Fr.Square(s, out var e);
        Fr.Sub(e, a, out e);
        Fr.Sub(e, b, out e);
        Fr.Add(d, b, out var g);
        Fr.Sub(g, c, out var f);
        Fr.Sub(d, b, out var h);
        Fr.Mul(e, f, out var x3);
        Fr.Mul(g, h, out var y3);
        var t3 = Fr.Zero;
        if (withT) Fr.Mul(e, h, out t3);
        Fr.Mul(f, g, out var z3);
        r = new ExtendedPoint(x3, y3, t3, z3);
    }

    public static void Negate(in ExtendedPoint p, out ExtendedPoint r)
    {
        Fr.Neg(p.X, out var x);
        Fr.Neg(p.T, out var t);
        r = new ExtendedPoint(x, p.Y, t, p.Z);
    }

    /// <summary>[k]P for any k below 2^256: fixed 4-bit windows over a table of 0..15·P (variable time).</summary>
    [SkipLocalsInit]
    public static void Multiply(in ExtendedPoint p, in U256 k, out ExtendedPoint r)
    {
        Span<ExtendedPoint> table = stackalloc ExtendedPoint[16];
        FillWindowTable(p, table);
        var acc = Identity;
        for (var i = TopNibble(k); i >= 0; i--)
        {
            Double(acc, false, out acc);
            Double(acc, false, out acc);
            Double(acc, false, out acc);
            Double(acc, true, out acc);
            var n = Nibble(k, i);
            if (n != 0) Add(acc, table[n], out acc);
        }
        r = acc;
    }

    /// <summary>j·P for j = 0..15.</summary>
    internal static void FillWindowTable(in ExtendedPoint p, Span<ExtendedPoint> table)
    {
        table[0] = Identity;
        table[1] = p;
        for (var j = 2; j < 16; j++)
        {
            if ((j & 1) == 0) Double(table[j / 2], out table[j]);
            else Add(table[j - 1], p, out table[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Nibble(in U256 k, int i)
    {
        var limb = (i >> 4) switch { 0 => k.L0, 1 => k.L1, 2 => k.L2, _ => k.L3 };
        return (int)((limb >> ((i & 15) * 4)) & 15);
    }

    private static int TopNibble(in U256 k)
    {
        for (var i = 63; i >= 0; i--)
            if (Nibble(k, i) != 0) return i;
        return -1;
    }
}
