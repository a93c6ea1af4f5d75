namespace Maci.Crypto.Bn254;

/// <summary>
/// The Miller-loop line coefficients of a fixed G2 point (for example a verifying-key point), computed once and reused
/// for every pairing with that point. Immutable and safe to share between threads.
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
    }
}
