using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

internal static partial class Montgomery<TM>
{
    /// <summary>
    /// a²·R⁻¹ for a below 2q, without the final subtraction (below 1.76q, like <see cref="MulUnreduced"/>): the six
    /// cross products once, doubled, plus the four squares (10 products instead of 16), then four Montgomery
    /// reduction steps over the 512-bit square.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void SquareUnreduced(in U256 a, out U256 r) => SquareRows(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SquareRows(in U256 a, out U256 r)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        // Cross products Σ_{i<j} aᵢaⱼ·2^(64(i+j)) in w1..w6.
        ulong w1, w2, w3, w4, w5, w6, c;
        c = MulWide(a0, a1, out w1);
        c = MAdd1(a0, a2, c, out w2);
        c = MAdd1(a0, a3, c, out w3);
        w4 = c;
        c = MAdd1(a1, a2, w3, out w3);
        c = MAdd2(a1, a3, w4, c, out w4);
        w5 = c;
        c = MAdd1(a2, a3, w5, out w5);
        w6 = c;
        // Double (the cross sum is below 2^448, so nothing leaves w7).
        ulong w7 = w6 >> 63;
        w6 = (w6 << 1) | (w5 >> 63);
        w5 = (w5 << 1) | (w4 >> 63);
        w4 = (w4 << 1) | (w3 >> 63);
        w3 = (w3 << 1) | (w2 >> 63);
        w2 = (w2 << 1) | (w1 >> 63);
        w1 <<= 1;
        // Add the squares aᵢ² at word 2i.
        ulong w0, lo, hi;
        hi = MulWide(a0, a0, out w0);
        w1 += hi; c = w1 < hi ? 1UL : 0UL;
        hi = MulWide(a1, a1, out lo);
        AddCarry(ref w2, lo, ref c);
        AddCarry(ref w3, hi, ref c);
        hi = MulWide(a2, a2, out lo);
        AddCarry(ref w4, lo, ref c);
        AddCarry(ref w5, hi, ref c);
        hi = MulWide(a3, a3, out lo);
        AddCarry(ref w6, lo, ref c);
        w7 += hi + c;
        // Reduce: each step clears the lowest word; its carry out joins the word four above it in the next step
        // (m·q3 + w + two carries stays below 2^128 because q3 < 2^62).
        ulong m = w0 * TM.Inv;
        c = ReduceLowHi(m, TM.Q0, w0);
        c = MAdd2(m, TM.Q1, w1, c, out w1);
        c = MAdd2(m, TM.Q2, w2, c, out w2);
        ulong e = MAdd2(m, TM.Q3, w3, c, out w3);
        m = w1 * TM.Inv;
        c = ReduceLowHi(m, TM.Q0, w1);
        c = MAdd2(m, TM.Q1, w2, c, out w2);
        c = MAdd2(m, TM.Q2, w3, c, out w3);
        e = MAdd3(m, TM.Q3, w4, c, e, out w4);
        m = w2 * TM.Inv;
        c = ReduceLowHi(m, TM.Q0, w2);
        c = MAdd2(m, TM.Q1, w3, c, out w3);
        c = MAdd2(m, TM.Q2, w4, c, out w4);
        e = MAdd3(m, TM.Q3, w5, c, e, out w5);
        m = w3 * TM.Inv;
        c = ReduceLowHi(m, TM.Q0, w3);
        c = MAdd2(m, TM.Q1, w4, c, out w4);
        c = MAdd2(m, TM.Q2, w5, c, out w5);
        e = MAdd3(m, TM.Q3, w6, c, e, out w6);
        // (a² + M·q)/R < 4q²/R + q < 1.76q.
        r = new U256(w4, w5, w6, w7 + e);
    }

    /// <summary>w += x + carry, carry = the carry out (0 or 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddCarry(ref ulong w, ulong x, ref ulong carry)
    {
        ulong s = x + carry;
        ulong c1 = s < x ? 1UL : 0UL;
        w += s;
        carry = c1 | (w < s ? 1UL : 0UL);
    }

    /// <summary>(hi, lo) = a·b + c + d + e for a·b &lt; 2^126 (the top limb of q times a word), so it never overflows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MAdd3(ulong a, ulong b, ulong c, ulong d, ulong e, out ulong lo)
    {
        ulong hi = MAdd2(a, b, c, d, out lo);
        lo += e;
        return hi + (lo < e ? 1UL : 0UL);
    }
}
