namespace Maci.Crypto.Bn254;

/// <summary>
/// The Miller-loop line coefficients of a fixed G2 point (for example a verifying-key point), computed once and reused
/// for every pairing with that point. Each line A·yP + B·xP·w + C·w³ is stored divided by A (an Fp2 factor, which the
/// final exponentiation removes) so that, once also divided by yP, it has the cheaper shape 1 + c3·w + c4·w³.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class G2Prepared
{
    internal readonly LineCoeffs[] Lines;

    public G2Affine Point { get; }

    public bool IsInfinity => Point.IsInfinity;

    /// <summary>Prepares a point; it must be in G2 (callers validate untrusted points first).</summary>
    public G2Prepared(in G2Affine q)
    {
        Point = q;
        Lines = new LineCoeffs[PairingConstants.LineCount];
        if (q.IsInfinity) return;
        var t = new G2Projective(q);
        var negQ = -q;
        var naf = PairingConstants.AteLoopNaf;
        int j = 0;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            t.DoublingStep(out Lines[j++]);
            if (naf[i] == 1) t.AdditionStep(q, out Lines[j++]);
            else if (naf[i] == -1) t.AdditionStep(negQ, out Lines[j++]);
        }
        t.AdditionStep(G2Affine.Psi(q), out Lines[j++]);
        t.AdditionStep(-G2Affine.Psi2(q), out Lines[j++]);
        Normalize(Lines);
    }

    /// <summary>Divides every line by its A coefficient (one batched Fp2 inversion).</summary>
    private static void Normalize(LineCoeffs[] lines)
    {
        var prefix = new Fp2[lines.Length];
        var acc = Fp2.One;
        for (int i = 0; i < lines.Length; i++)
        {
            // A is −2YZ or λ = X − x·Z, both non-zero for a point of prime order r (T never equals ±Q).
            if (lines[i].A.IsZero) throw new ArgumentException("the point is not in G2", "q");
            prefix[i] = acc;
            Fp2.Mul(acc, lines[i].A, out acc);
        }
        Fp2.Inverse(acc, out var inv);
        for (int i = lines.Length - 1; i >= 0; i--)
        {
            Fp2.Mul(inv, prefix[i], out var ai);
            Fp2.Mul(inv, lines[i].A, out inv);
            Fp2.Mul(lines[i].B, ai, out var b);
            Fp2.Mul(lines[i].C, ai, out var c);
            lines[i] = new LineCoeffs(Fp2.One, b, c);
        }
    }
}
