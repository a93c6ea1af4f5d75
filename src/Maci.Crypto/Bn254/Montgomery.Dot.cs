using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

internal static partial class Montgomery<TM>
{
    /// <summary>
    /// Σ aₖ·bₖ over <typeparamref name="TN"/>.N consecutive elements starting at <paramref name="a"/> (reduced) and
    /// <paramref name="b"/> (below q), unrolled for that count: the JIT specialises this per count and folds the
    /// guards. One reduction step per limb for the whole sum; before each step's division the accumulator stays
    /// below (n+1)·q·(2^64 + 1), which needs a sixth word only from five terms on (q &lt; 0.19·2^256); the result is
    /// below n·q²/R + q, so one subtraction reduces it up to five terms and two up to ten (at most nine here).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Dot<TN>(ref U256 a, ref U256 b, out U256 r) where TN : struct, ITermCount
    {
        Debug.Assert(TN.N is >= 1 and <= 9);
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0;
        DotLimb<TN>(ref a, ref b, 0, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        DotLimb<TN>(ref a, ref b, 1, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        DotLimb<TN>(ref a, ref b, 2, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        DotLimb<TN>(ref a, ref b, 3, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N <= 5)
        {
            ReduceOnce(t0, t1, t2, t3, out r);
            return;
        }
        ReduceOnce(t0, t1, t2, t3, out var s);
        ReduceOnce(s.L0, s.L1, s.L2, s.L3, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DotLimb<TN>(ref U256 a, ref U256 b, int i,
        ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4, ref ulong t5) where TN : struct, ITermCount
    {
        ref var bw = ref Unsafe.As<U256, ulong>(ref b);
        DotTerm<TN>(ref a, ref bw, 0, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 1) DotTerm<TN>(ref a, ref bw, 1, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 2) DotTerm<TN>(ref a, ref bw, 2, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 3) DotTerm<TN>(ref a, ref bw, 3, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 4) DotTerm<TN>(ref a, ref bw, 4, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 5) DotTerm<TN>(ref a, ref bw, 5, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 6) DotTerm<TN>(ref a, ref bw, 6, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 7) DotTerm<TN>(ref a, ref bw, 7, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        if (TN.N > 8) DotTerm<TN>(ref a, ref bw, 8, i, ref t0, ref t1, ref t2, ref t3, ref t4, ref t5);
        ulong m = t0 * TM.Inv;
        ulong d = ReduceLowHi(m, TM.Q0, t0);
        d = MAdd2(m, TM.Q1, t1, d, out t0);
        d = MAdd2(m, TM.Q2, t2, d, out t1);
        d = MAdd2(m, TM.Q3, t3, d, out t2);
        t3 = t4 + d;
        if (TN.N > 4)
        {
            t4 = t5 + (t3 < d ? 1UL : 0UL);
            t5 = 0;
        }
        else
        {
            t4 = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DotTerm<TN>(ref U256 a, ref ulong bw, int k, int i,
        ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4, ref ulong t5) where TN : struct, ITermCount
    {
        ref var ak = ref Unsafe.Add(ref a, k);
        ulong bi = Unsafe.Add(ref bw, 4 * k + i);
        ulong c = MAdd1(ak.L0, bi, t0, out t0);
        c = MAdd2(ak.L1, bi, t1, c, out t1);
        c = MAdd2(ak.L2, bi, t2, c, out t2);
        c = MAdd2(ak.L3, bi, t3, c, out t3);
        t4 += c;
        if (TN.N > 4) t5 += t4 < c ? 1UL : 0UL;
    }
}
