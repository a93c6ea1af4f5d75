namespace Maci.Modules.Insurance.Types;

/// <summary>
/// Exact integer arithmetic for amounts (UInt128) times 64-bit factors, through a 192-bit intermediate,
/// so ratios never overflow or round through floating point.
/// </summary>
public static class WideMath
{
    /// <summary>a·b as 192 bits: (hi 64 bits, lo 128 bits).</summary>
    public static (ulong Hi, UInt128 Lo) Mul(UInt128 a, ulong b)
    {
        var aLo = (ulong)a;
        var aHi = (ulong)(a >> 64);
        var p0 = (UInt128)aLo * b;
        var p1 = (UInt128)aHi * b + (p0 >> 64);
        var lo = (p1 << 64) | (ulong)p0;
        return ((ulong)(p1 >> 64), lo);
    }

    /// <summary>Compares a·b with c·d exactly: −1, 0 or 1.</summary>
    public static int CompareProducts(UInt128 a, ulong b, UInt128 c, ulong d)
    {
        var (h1, l1) = Mul(a, b);
        var (h2, l2) = Mul(c, d);
        if (h1 != h2) return h1 < h2 ? -1 : 1;
        return l1.CompareTo(l2);
    }

    /// <summary>
    /// ⌊a·b / c⌋. Throws <see cref="DivideByZeroException"/> for c = 0 and <see cref="OverflowException"/> when
    /// the quotient does not fit 128 bits (impossible when b ≤ c).
    /// </summary>
    public static UInt128 MulDivFloor(UInt128 a, ulong b, ulong c)
    {
        if (c == 0) throw new DivideByZeroException("ratio with a zero denominator");
        var (hi, lo) = Mul(a, b);
        // Long division of the three 64-bit limbs by c; each partial remainder is < c, so rem·2^64 + limb fits 128 bits.
        var q2 = hi / c;
        UInt128 rem = hi % c;
        var mid = (rem << 64) | (ulong)(lo >> 64);
        var q1 = mid / c;
        rem = mid % c;
        var low = (rem << 64) | (ulong)lo;
        var q0 = low / c;
        if (q2 != 0 || q1 > ulong.MaxValue) throw new OverflowException("quotient exceeds 128 bits");
        return ((UInt128)(ulong)q1 << 64) | q0;
    }
}
