using System.Runtime.CompilerServices;

namespace Maci.Crypto.Bn254;

/// <summary>
/// The optimal ate pairing on BN254 as a multi-pairing: one shared Miller loop over all pairs (NAF of 6u + 2, sparse
/// line multiplication) and one final exponentiation. Inputs must be valid group elements (G1 points on the curve,
/// G2 points in the subgroup); pairs where either side is infinity contribute 1.
/// </summary>
public static partial class Pairing
{
    /// <summary>True when ∏ e(p[i], q[i]) = 1.</summary>
    public static bool Check(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q)
    {
        var f = MillerLoop(p, q);
        return FinalExponentiation(f).IsOne;
    }

    /// <summary>True when ∏ e(p[i], q[i]) · ∏ e(preparedP[j], preparedQ[j]) = 1.</summary>
    public static bool Check(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q,
        ReadOnlySpan<G1Affine> preparedP, ReadOnlySpan<G2Prepared> preparedQ)
    {
        var f = MillerLoop(p, q, preparedP, preparedQ);
        return FinalExponentiation(f).IsOne;
    }

    /// <summary>The reduced pairing e(p, q) (a fixed power of it is never needed: this is the exact (p¹²−1)/r power).</summary>
    public static Fp12 Pair(in G1Affine p, in G2Affine q)
    {
        ReadOnlySpan<G1Affine> ps = [p];
        ReadOnlySpan<G2Affine> qs = [q];
        return FinalExponentiation(MillerLoop(ps, qs));
    }

    public static Fp12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q) =>
        MillerLoop(p, q, ReadOnlySpan<G1Affine>.Empty, ReadOnlySpan<G2Prepared>.Empty);

    /// <summary>
    /// The product of the Miller loops of all pairs, computed in one loop. Pairs given as (p, q) have their lines
    /// computed on the fly; pairs given as (preparedP, preparedQ) read precomputed lines. The value is defined only up to
    /// factors in proper subfields (line scalings), which <see cref="FinalExponentiation"/> removes: compare results only
    /// after the final exponentiation.
    /// </summary>
    [SkipLocalsInit]
    public static Fp12 MillerLoop(ReadOnlySpan<G1Affine> p, ReadOnlySpan<G2Affine> q,
        ReadOnlySpan<G1Affine> preparedP, ReadOnlySpan<G2Prepared> preparedQ)
    {
        if (p.Length != q.Length) throw new ArgumentException("p and q must have the same length");
        if (preparedP.Length != preparedQ.Length) throw new ArgumentException("preparedP and preparedQ must have the same length");

        // Keep only non-trivial pairs; keep P affine as (xP, yP).
        int n = 0;
        for (int i = 0; i < p.Length; i++)
            if (!p[i].IsInfinity && !q[i].IsInfinity) n++;
        Span<G1Affine> dp = n <= 8 ? stackalloc G1Affine[n] : new G1Affine[n];
        Span<G2Affine> dq = n <= 8 ? stackalloc G2Affine[n] : new G2Affine[n];
        Span<G2Affine> dqNeg = n <= 8 ? stackalloc G2Affine[n] : new G2Affine[n];
        Span<G2Projective> t = n <= 8 ? stackalloc G2Projective[n] : new G2Projective[n];
        for (int i = 0, k = 0; i < p.Length; i++)
        {
            if (p[i].IsInfinity || q[i].IsInfinity) continue;
            dp[k] = p[i];
            dq[k] = q[i];
            dqNeg[k] = -q[i];
            t[k] = new G2Projective(q[i]);
            k++;
        }

        // Prepared lines are normalised to 1 + c3·w + c4·w³ after division by yP: keep xP/yP and 1/yP per point.
        int m = preparedP.Length;
        Span<Fp> xOverY = m <= 8 ? stackalloc Fp[m] : new Fp[m];
        Span<Fp> yInv = m <= 8 ? stackalloc Fp[m] : new Fp[m];
        for (int k = 0; k < m; k++)
        {
            if (preparedP[k].IsInfinity) continue;
            Fp.Inverse(preparedP[k].Y, out yInv[k]);
            Fp.Mul(preparedP[k].X, yInv[k], out xOverY[k]);
        }

        var f = Fp12.One;
        var naf = PairingConstants.AteLoopNaf;
        int line = 0;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2) Fp12.Square(f, out f);
            for (int k = 0; k < n; k++)
            {
                t[k].DoublingStep(out var l);
                MulByLine(ref f, l, dp[k]);
            }
            for (int k = 0; k < preparedP.Length; k++)
                if (!preparedP[k].IsInfinity && !preparedQ[k].IsInfinity)
                    MulByPreparedLine(ref f, preparedQ[k].Lines[line], xOverY[k], yInv[k]);
            line++;
            if (naf[i] == 0) continue;
            for (int k = 0; k < n; k++)
            {
                t[k].AdditionStep(naf[i] == 1 ? dq[k] : dqNeg[k], out var l);
                MulByLine(ref f, l, dp[k]);
            }
            for (int k = 0; k < preparedP.Length; k++)
                if (!preparedP[k].IsInfinity && !preparedQ[k].IsInfinity)
                    MulByPreparedLine(ref f, preparedQ[k].Lines[line], xOverY[k], yInv[k]);
            line++;
        }

        for (int k = 0; k < n; k++)
        {
            t[k].AdditionStep(G2Affine.Psi(dq[k]), out var l1);
            MulByLine(ref f, l1, dp[k]);
            t[k].AdditionStep(-G2Affine.Psi2(dq[k]), out var l2);
            MulByLine(ref f, l2, dp[k]);
        }
        for (int k = 0; k < preparedP.Length; k++)
        {
            if (preparedP[k].IsInfinity || preparedQ[k].IsInfinity) continue;
            MulByPreparedLine(ref f, preparedQ[k].Lines[line], xOverY[k], yInv[k]);
            MulByPreparedLine(ref f, preparedQ[k].Lines[line + 1], xOverY[k], yInv[k]);
        }
        return f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulByLine(ref Fp12 f, in LineCoeffs l, in G1Affine p)
    {
        Fp2.MulByFp(l.A, p.Y, out var c0);
        Fp2.MulByFp(l.B, p.X, out var c3);
        Fp12.MulBy034(f, c0, c3, l.C, out f);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulByPreparedLine(ref Fp12 f, in LineCoeffs l, in Fp xOverY, in Fp yInv)
    {
        Fp2.MulByFp(l.B, xOverY, out var c3);
        Fp2.MulByFp(l.C, yInv, out var c4);
        Fp12.MulBy134(f, c3, c4, out f);
    }
}
