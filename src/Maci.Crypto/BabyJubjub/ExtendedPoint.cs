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

    public static void Double(in ExtendedPoint p, out ExtendedPoint r)
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
        Fr.Mul(e, h, out var t3);
        Fr.Mul(f, g, out var z3);
        r = new ExtendedPoint(x3, y3, t3, z3);
    }

    public static void Negate(in ExtendedPoint p, out ExtendedPoint r)
    {
        Fr.Neg(p.X, out var x);
        Fr.Neg(p.T, out var t);
        r = new ExtendedPoint(x, p.Y, t, p.Z);
    }

    /// <summary>[k]P by left-to-right double-and-add over the 256 bits of k (any integer below 2^256).</summary>
    [SkipLocalsInit]
    public static void Multiply(in ExtendedPoint p, in U256 k, out ExtendedPoint r)
    {
        var acc = Identity;
        var top = HighestBit(k);
        for (var i = top; i >= 0; i--)
        {
            Double(acc, out acc);
            if (Bit(k, i)) Add(acc, p, out acc);
        }
        r = acc;
    }

    /// <summary>[a]P + [b]Q with shared doublings (Straus–Shamir).</summary>
    public static void MultiplyAdd(in ExtendedPoint p, in U256 a, in ExtendedPoint q, in U256 b, out ExtendedPoint r)
    {
        Add(p, q, out var pq);
        var acc = Identity;
        var top = Math.Max(HighestBit(a), HighestBit(b));
        for (var i = top; i >= 0; i--)
        {
            Double(acc, out acc);
            var ba = Bit(a, i);
            var bb = Bit(b, i);
            if (ba && bb) Add(acc, pq, out acc);
            else if (ba) Add(acc, p, out acc);
            else if (bb) Add(acc, q, out acc);
        }
        r = acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Bit(in U256 k, int i)
    {
        var limb = (i >> 6) switch { 0 => k.L0, 1 => k.L1, 2 => k.L2, _ => k.L3 };
        return ((limb >> (i & 63)) & 1) != 0;
    }

    private static int HighestBit(in U256 k)
    {
        if (k.L3 != 0) return 255 - System.Numerics.BitOperations.LeadingZeroCount(k.L3);
        if (k.L2 != 0) return 191 - System.Numerics.BitOperations.LeadingZeroCount(k.L2);
        if (k.L1 != 0) return 127 - System.Numerics.BitOperations.LeadingZeroCount(k.L1);
        return 63 - System.Numerics.BitOperations.LeadingZeroCount(k.L0);
    }
}
