using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Maci.Crypto.Bn254;

/// <summary>
/// Montgomery arithmetic on 4×64-bit limbs for a modulus below 2^254 (two spare top bits, so sums of two reduced
/// values never overflow and the "no-carry" CIOS variant applies). Every operation reads all inputs before writing
/// its output, so callers may pass the same variable as input and output.
/// </summary>
internal static partial class Montgomery<TM> where TM : struct, IModulus
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in U256 a, in U256 b, out U256 r)
    {
        ulong c;
        ulong s0 = a.L0 + b.L0; c = s0 < a.L0 ? 1UL : 0UL;
        ulong t = a.L1 + c; ulong s1 = t + b.L1; c = (t < c ? 1UL : 0UL) | (s1 < t ? 1UL : 0UL);
        t = a.L2 + c; ulong s2 = t + b.L2; c = (t < c ? 1UL : 0UL) | (s2 < t ? 1UL : 0UL);
        ulong s3 = a.L3 + b.L3 + c; // cannot overflow: both < 2^254
        ReduceOnce(s0, s1, s2, s3, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in U256 a, in U256 b, out U256 r)
    {
        ulong d0 = a.L0 - b.L0; ulong br = a.L0 < b.L0 ? 1UL : 0UL;
        ulong t = a.L1 - b.L1; ulong br2 = a.L1 < b.L1 ? 1UL : 0UL; ulong d1 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        t = a.L2 - b.L2; br2 = a.L2 < b.L2 ? 1UL : 0UL; ulong d2 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        ulong d3 = a.L3 - b.L3 - br;
        // Add q back when the subtraction borrowed; a mask instead of a branch (the outcome is unpredictable). a − b
        // lies in (−2^255, 2^255), so the sign bit of the top limb is the borrow out.
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        ulong mask = (ulong)((long)d3 >> 63);
        ulong q0 = q.L0 & mask, q1 = q.L1 & mask, q2 = q.L2 & mask, q3 = q.L3 & mask;
        // The masked limbs of q are below 2^64 − 1, so adding the carry to them first cannot overflow: one compare
        // per limb instead of two.
        d0 += q0; ulong c = d0 < q0 ? 1UL : 0UL;
        t = q1 + c; d1 += t; c = d1 < t ? 1UL : 0UL;
        t = q2 + c; d2 += t; c = d2 < t ? 1UL : 0UL;
        d3 = d3 + q3 + c;
        r = new U256(d0, d1, d2, d3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Neg(in U256 a, out U256 r)
    {
        if (a.IsZero) { r = default; return; }
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        ulong d0 = q.L0 - a.L0; ulong br = q.L0 < a.L0 ? 1UL : 0UL;
        ulong t = q.L1 - a.L1; ulong br2 = q.L1 < a.L1 ? 1UL : 0UL; ulong d1 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        t = q.L2 - a.L2; br2 = q.L2 < a.L2 ? 1UL : 0UL; ulong d2 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        ulong d3 = q.L3 - a.L3 - br;
        r = new U256(d0, d1, d2, d3);
    }

    /// <summary>
    /// a + b without the final reduction: below 2q (&lt; 2^255). Valid only as an input of <see cref="Mul"/>, which
    /// accepts operands below 2q (their product stays below q·2^256, so the result is still fully reduced).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddUnreduced(in U256 a, in U256 b, out U256 r)
    {
        ulong c;
        ulong s0 = a.L0 + b.L0; c = s0 < a.L0 ? 1UL : 0UL;
        ulong t = a.L1 + c; ulong s1 = t + b.L1; c = (t < c ? 1UL : 0UL) | (s1 < t ? 1UL : 0UL);
        t = a.L2 + c; ulong s2 = t + b.L2; c = (t < c ? 1UL : 0UL) | (s2 < t ? 1UL : 0UL);
        r = new U256(s0, s1, s2, a.L3 + b.L3 + c);
    }

    /// <summary>Subtracts q once if the 256-bit value (known to be below 2^255 + q, e.g. below 2q) is ≥ q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3, out U256 r)
    {
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        // q's limbs are below 2^64 − 1, so q_i + borrow cannot overflow: one compare per limb instead of two.
        ulong d0 = s0 - q.L0; ulong br = s0 < q.L0 ? 1UL : 0UL;
        ulong t = q.L1 + br; ulong d1 = s1 - t; br = s1 < t ? 1UL : 0UL;
        t = q.L2 + br; ulong d2 = s2 - t; br = s2 < t ? 1UL : 0UL;
        ulong d3 = s3 - q.L3 - br;
        // Keep s when the subtraction borrowed (s < q), else d; selected with a mask, not a branch. s − q lies in
        // [−2^255, 2^255), so the sign bit of the top limb is the borrow out.
        ulong keep = (ulong)((long)d3 >> 63);
        r = new U256((s0 & keep) | (d0 & ~keep), (s1 & keep) | (d1 & ~keep), (s2 & keep) | (d2 & ~keep), (s3 & keep) | (d3 & ~keep));
    }

    /// <summary>Reduces an arbitrary 256-bit value modulo q (at most five subtractions since q &gt; 2^253).</summary>
    public static void ReduceFull(in U256 a, out U256 r)
    {
        r = a;
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        while (!r.LessThan(q))
            ReduceOnceUnbounded(r, out r);
    }

    private static void ReduceOnceUnbounded(in U256 a, out U256 r)
    {
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        ulong d0 = a.L0 - q.L0; ulong br = a.L0 < q.L0 ? 1UL : 0UL;
        ulong t = a.L1 - q.L1; ulong br2 = a.L1 < q.L1 ? 1UL : 0UL; ulong d1 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        t = a.L2 - q.L2; br2 = a.L2 < q.L2 ? 1UL : 0UL; ulong d2 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        ulong d3 = a.L3 - q.L3 - br;
        r = new U256(d0, d1, d2, d3);
    }

    /// <summary>a·b·R⁻¹ mod q (CIOS, no-carry variant).</summary>
    /// <remarks>Kept out of line on purpose: inlined into every tower operation it bloats them and spills registers.
    /// Compiled fully optimised from the first call (like the other kernels): at tier 0 nothing is inlined and its
    /// helpers become calls, which made the first milliseconds of a benchmark or a block tens of times slower.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void Mul(in U256 a, in U256 b, out U256 r)
    {
        MulRows(a, b, out ulong t0, out ulong t1, out ulong t2, out ulong t3);
        ReduceOnce(t0, t1, t2, t3, out r);
    }

    /// <summary>
    /// a·b·R⁻¹ without the final subtraction, for operands below 2q: the result is below (4q² + Rq)/R &lt; 1.76q, so
    /// it is again a valid operand of <see cref="Mul"/> or of this (used inside chains such as an S-box).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    public static void MulUnreduced(in U256 a, in U256 b, out U256 r)
    {
        MulRows(a, b, out ulong t0, out ulong t1, out ulong t2, out ulong t3);
        r = new U256(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulRows(in U256 a, in U256 b, out ulong t0, out ulong t1, out ulong t2, out ulong t3)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        t0 = 0; t1 = 0; t2 = 0; t3 = 0;
        Row(a0, a1, a2, a3, b.L0, ref t0, ref t1, ref t2, ref t3);
        Row(a0, a1, a2, a3, b.L1, ref t0, ref t1, ref t2, ref t3);
        Row(a0, a1, a2, a3, b.L2, ref t0, ref t1, ref t2, ref t3);
        Row(a0, a1, a2, a3, b.L3, ref t0, ref t1, ref t2, ref t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(ulong a0, ulong a1, ulong a2, ulong a3, ulong bi,
        ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        var q = new U256(TM.Q0, TM.Q1, TM.Q2, TM.Q3);
        ulong carryA = MAdd1(a0, bi, t0, out t0);
        ulong m = t0 * TM.Inv;
        ulong carryC = ReduceLowHi(m, q.L0, t0);
        carryA = MAdd2(a1, bi, t1, carryA, out t1);
        carryC = MAdd2(m, q.L1, t1, carryC, out t0);
        carryA = MAdd2(a2, bi, t2, carryA, out t2);
        carryC = MAdd2(m, q.L2, t2, carryC, out t1);
        carryA = MAdd2(a3, bi, t3, carryA, out t3);
        carryC = MAdd2(m, q.L3, t3, carryC, out t2);
        t3 = carryC + carryA;
    }

    /// <summary>
    /// (hi, lo) = a·b. With BMI2 the low word is a separate IMUL: Math.BigMul's out parameter makes the JIT round-trip
    /// the low word through the stack.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulWide(ulong a, ulong b, out ulong lo)
    {
        if (Bmi2.X64.IsSupported)
        {
            lo = a * b;
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }
        return Math.BigMul(a, b, out lo);
    }

    /// <summary>
    /// High word of m·q0 + t for m = t·Inv: the low word of that sum is zero by construction, so it carries exactly
    /// when t ≠ 0 (saves the low product and the add).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong ReduceLowHi(ulong m, ulong q0, ulong t)
    {
        ulong hi = Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(m, q0) : Math.BigMul(m, q0, out _);
        return hi + (t != 0 ? 1UL : 0UL);
    }

    /// <summary>(hi, lo) = a·b + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MAdd1(ulong a, ulong b, ulong c, out ulong lo)
    {
        ulong hi = MulWide(a, b, out lo);
        lo += c;
        return hi + (lo < c ? 1UL : 0UL);
    }

    /// <summary>(hi, lo) = a·b + c + d (never overflows 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MAdd2(ulong a, ulong b, ulong c, ulong d, out ulong lo)
    {
        ulong hi = MulWide(a, b, out lo);
        lo += c;
        hi += lo < c ? 1UL : 0UL;
        lo += d;
        return hi + (lo < d ? 1UL : 0UL);
    }

    public static void ToMontgomery(in U256 canonical, out U256 r) => Mul(canonical, TM.R2, out r);

    public static void FromMontgomery(in U256 mont, out U256 r) => Mul(mont, new U256(1, 0, 0, 0), out r);

    /// <summary>a^e for an exponent given as little-endian 64-bit limbs (left-to-right square and multiply).</summary>
    public static void Pow(in U256 a, ReadOnlySpan<ulong> exponent, out U256 r)
    {
        U256 acc = TM.R;
        U256 bas = a;
        bool started = false;
        for (int i = exponent.Length - 1; i >= 0; i--)
        {
            ulong w = exponent[i];
            for (int bit = 63; bit >= 0; bit--)
            {
                if (started) Mul(acc, acc, out acc);
                if (((w >> bit) & 1) != 0)
                {
                    Mul(acc, bas, out acc);
                    started = true;
                }
            }
        }
        r = acc;
    }

    public static void Pow(in U256 a, in U256 exponent, out U256 r)
    {
        ReadOnlySpan<ulong> e = [exponent.L0, exponent.L1, exponent.L2, exponent.L3];
        Pow(a, e, out r);
    }

    /// <summary>Fermat inverse a^(q−2); the inverse of zero is zero.</summary>
    public static void Inverse(in U256 a, out U256 r) => Pow(a, TM.QMinus2, out r);

    /// <summary>Tonelli–Shanks square root; false (and zero) for a non-residue.</summary>
    public static bool Sqrt(in U256 a, out U256 r)
    {
        if (a.IsZero) { r = default; return true; }
        // w = a^((T−1)/2); x = a·w = a^((T+1)/2); b = x·w = a^T.
        Pow(a, TM.TMinus1Over2, out U256 w);
        Mul(a, w, out U256 x);
        Mul(x, w, out U256 b);
        U256 z = TM.RootOfUnity;
        U256 one = TM.R;
        int v = TM.S;
        while (!b.Equals(one))
        {
            // Find the least k with b^(2^k) = 1.
            int k = 0;
            U256 b2k = b;
            while (!b2k.Equals(one))
            {
                Mul(b2k, b2k, out b2k);
                k++;
                if (k == v) { r = default; return false; }
            }
            U256 ww = z;
            for (int j = 0; j < v - k - 1; j++) Mul(ww, ww, out ww);
            Mul(ww, ww, out z);
            Mul(b, z, out b);
            Mul(x, ww, out x);
            v = k;
        }
        r = x;
        return true;
    }
}
