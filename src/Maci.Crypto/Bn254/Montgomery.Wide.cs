using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

internal static partial class Montgomery<TM>
{
    /// <summary>Most terms <see cref="Dot"/> accepts: the reduced sum n·q²/R + q stays below 3q.</summary>
    public const int MaxDotTerms = 10;

    /// <summary>
    /// Σ aᵢ·bᵢ (Montgomery form in and out) with one reduction per limb for the whole sum instead of one per term:
    /// CIOS where each limb step first adds every term's row, then clears the low word once. The accumulator gets
    /// two extra words (the unreduced sum reaches (2n+1)·q·2^64 &lt; 2^322 between steps).
    /// </summary>
    [SkipLocalsInit]
    public static void Dot(ReadOnlySpan<U256> a, ReadOnlySpan<U256> b, out U256 r)
    {
        Debug.Assert(a.Length == b.Length && a.Length is > 0 and <= MaxDotTerms);
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        int n = a.Length;
        b = b[..n];
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, c;
        for (int i = 0; i < 4; i++)
        {
            for (int k = 0; k < n; k++)
            {
                ref readonly var ak = ref a[k];
                ulong bi = Unsafe.Add(ref Unsafe.As<U256, ulong>(ref Unsafe.AsRef(in b[k])), i);
                c = MAdd1(ak.L0, bi, t0, out t0);
                c = MAdd2(ak.L1, bi, t1, c, out t1);
                c = MAdd2(ak.L2, bi, t2, c, out t2);
                c = MAdd2(ak.L3, bi, t3, c, out t3);
                t4 += c;
                t5 += t4 < c ? 1UL : 0UL;
            }
            ulong m = t0 * TM.Inv;
            c = ReduceLowHi(m, q.L0, t0);
            c = MAdd2(m, q.L1, t1, c, out t0);
            c = MAdd2(m, q.L2, t2, c, out t1);
            c = MAdd2(m, q.L3, t3, c, out t2);
            t3 = t4 + c;
            t4 = t5 + (t3 < c ? 1UL : 0UL);
            t5 = 0;
        }
        // Now (t0..t3) = (Σ aᵢbᵢ + M·q)/R < n·q²/R + q < 3q, so t4 is zero and two conditional subtractions reduce it.
        ReduceOnce(t0, t1, t2, t3, out var s);
        ReduceOnce(s.L0, s.L1, s.L2, s.L3, out r);
    }
}
