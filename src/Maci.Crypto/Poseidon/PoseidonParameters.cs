using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// Parameters of one Poseidon width t in the form the fast permutation runs (Poseidon paper, appendix B), derived
/// here from the plain round constants and MDS matrix of the generated file:
/// <list type="bullet">
/// <item>Partial rounds touch only lane 0 with the S-box, so the constants of lanes 1..t−1 are pushed forward
/// through the MDS matrix into the next round; each partial round then adds one constant (lane 0) and the leftover
/// lands on the first full round after the partial rounds.</item>
/// <item>Each partial round's matrix N is factored as N = S·Â with Â = 1 ⊕ N̂ (N̂ = N without row and column 0)
/// and S sparse (first row, first column, identity elsewhere). Â commutes with the lane-0 S-box, so it moves into the
/// previous round's matrix; the last full round before the partial rounds absorbs what is left.</item>
/// </list>
/// A partial round then costs 2t − 1 multiplications instead of t². The result is bit-for-bit the same permutation.
/// </summary>
internal sealed class PoseidonParameters
{
    public PoseidonParameters(int width, int partialRounds, Fr[] roundConstants, Fr[] mds)
    {
        var t = width;
        var half = PoseidonConstants.FullRounds / 2;
        if (roundConstants.Length != (PoseidonConstants.FullRounds + partialRounds) * t || mds.Length != t * t)
            throw new ArgumentException($"Poseidon tables for t={t} have the wrong size");
        Width = t;
        PartialRounds = partialRounds;
        RoundConstants = roundConstants;
        Mds = mds;

        // Constants: full rounds keep theirs; partial rounds keep lane 0 after absorbing what earlier rounds pushed.
        FullRoundConstants = new Fr[PoseidonConstants.FullRounds * t];
        Array.Copy(roundConstants, 0, FullRoundConstants, 0, half * t);
        PartialRoundConstants = new Fr[partialRounds];
        var carry = new Fr[t];
        var rest = new Fr[t];
        for (var r = 0; r < partialRounds; r++)
        {
            var offset = (half + r) * t;
            PartialRoundConstants[r] = roundConstants[offset] + carry[0];
            rest[0] = Fr.Zero;
            for (var i = 1; i < t; i++) rest[i] = roundConstants[offset + i] + carry[i];
            carry = MatVec(mds, rest, t);
        }
        for (var r = 0; r < half; r++)
            for (var i = 0; i < t; i++)
                FullRoundConstants[(half + r) * t + i] = roundConstants[(half + partialRounds + r) * t + i] + (r == 0 ? carry[i] : Fr.Zero);

        // Matrices: factor from the last partial round backwards.
        SparseMatrices = new Fr[partialRounds * (2 * t - 1)];
        var n = (Fr[])mds.Clone();
        for (var r = partialRounds - 1; r >= 0; r--)
        {
            var sub = new Fr[(t - 1) * (t - 1)];
            for (var i = 1; i < t; i++)
                for (var j = 1; j < t; j++)
                    sub[(i - 1) * (t - 1) + (j - 1)] = n[i * t + j];
            var inv = Invert(sub, t - 1);
            var s = SparseMatrices.AsSpan(r * (2 * t - 1), 2 * t - 1);
            s[0] = n[0];
            for (var j = 0; j < t - 1; j++)
            {
                var v = Fr.Zero;
                for (var k = 0; k < t - 1; k++) v += n[k + 1] * inv[k * (t - 1) + j];
                s[1 + j] = v;                 // first row: n00, v (so that v·N̂ = N[0][1..])
                s[t + j] = n[(j + 1) * t];    // first column below n00
            }
            // The previous round's matrix is Â·M with Â = 1 ⊕ N̂.
            var hat = new Fr[t * t];
            hat[0] = Fr.One;
            for (var i = 1; i < t; i++)
                for (var j = 1; j < t; j++)
                    hat[i * t + j] = n[i * t + j];
            n = MatMul(hat, mds, t);
        }
        PreSparseMatrix = n;
        BlockedMatrices = BlockRounds(SparseMatrices, partialRounds, t);
        var c0 = roundConstants[0];
        var c02 = c0 * c0;
        ZeroLaneSBox = [c02 * c02 * c0];
    }

    /// <summary>(0 + c₀)⁵, lane 0's first S-box when the capacity enters as zero (every hash): one element.</summary>
    public Fr[] ZeroLaneSBox { get; }

    public int Width { get; }

    public int PartialRounds { get; }

    /// <summary>The plain round constants, t per round for all R_F + R_P rounds (the textbook form; tests only).</summary>
    public Fr[] RoundConstants { get; }

    /// <summary>The plain t×t MDS matrix, row-major.</summary>
    public Fr[] Mds { get; }

    /// <summary>Constants of the 8 full rounds (4 before, 4 after the partial rounds), t per round.</summary>
    public Fr[] FullRoundConstants { get; }

    /// <summary>One lane-0 constant per partial round.</summary>
    public Fr[] PartialRoundConstants { get; }

    /// <summary>Per partial round, 2t − 1 values: s00, the rest of row 0 (t − 1), the rest of column 0 (t − 1).</summary>
    public Fr[] SparseMatrices { get; }

    /// <summary>The matrix of the last full round before the partial rounds (Â·M).</summary>
    public Fr[] PreSparseMatrix { get; }

    /// <summary>Partial rounds per block of <see cref="BlockedMatrices"/>.</summary>
    public const int RoundsPerBlock = 3;

    /// <summary>
    /// Partial rounds taken <see cref="RoundsPerBlock"/> (K) at a time, K·t + K(K−1)/2 + K(t−1) values per block of
    /// rounds r..r+K−1: for each round r+d, its row v, then κ(d, e) = Σⱼ v_(r+d),j·w_(r+e),j for e &lt; d, then s00
    /// (the order of the operands the permutation keeps side by side: lanes 1..t−1, then the block's S-box outputs);
    /// after that, per lane j ≥ 1, w_(r+e),j for e &lt; K. The lanes 1..t−1 are updated once per block: a round's
    /// row product reads them as they were at the start of the block and adds κ(d, e)·s_e for the S-box outputs s_e
    /// of the block's earlier rounds (v·(x + Σ w·s) = v·x + Σ κ·s), and each lane's K column updates become one
    /// K-term sum of products. The last R_P mod K partial rounds run alone from <see cref="SparseMatrices"/>.
    /// </summary>
    public Fr[] BlockedMatrices { get; }

    private static Fr[] BlockRounds(Fr[] sparse, int rounds, int t)
    {
        const int k = RoundsPerBlock;
        var stride = 2 * t - 1;
        var size = k * t + k * (k - 1) / 2 + k * (t - 1);
        var result = new Fr[rounds / k * size];
        for (var b = 0; b < rounds / k; b++)
        {
            var o = result.AsSpan(b * size, size);
            var at = 0;
            for (var d = 0; d < k; d++)
            {
                var row = sparse.AsSpan((b * k + d) * stride, stride);
                row[1..t].CopyTo(o[at..]);
                at += t - 1;
                for (var e = 0; e < d; e++)
                {
                    var earlier = sparse.AsSpan((b * k + e) * stride, stride);
                    var kappa = Fr.Zero;
                    for (var j = 1; j < t; j++) kappa += row[j] * earlier[t - 1 + j];
                    o[at++] = kappa;
                }
                o[at++] = row[0];
            }
            for (var j = 1; j < t; j++)
                for (var e = 0; e < k; e++)
                    o[at++] = sparse[(b * k + e) * stride + t - 1 + j];
        }
        return result;
    }

    private static Fr[] MatVec(Fr[] m, Fr[] v, int t)
    {
        var r = new Fr[t];
        for (var i = 0; i < t; i++)
            for (var j = 0; j < t; j++)
                r[i] += m[i * t + j] * v[j];
        return r;
    }

    private static Fr[] MatMul(Fr[] a, Fr[] b, int t)
    {
        var r = new Fr[t * t];
        for (var i = 0; i < t; i++)
            for (var j = 0; j < t; j++)
                for (var k = 0; k < t; k++)
                    r[i * t + j] += a[i * t + k] * b[k * t + j];
        return r;
    }

    /// <summary>Gauss–Jordan inverse of an n×n matrix (MDS sub-matrices are invertible).</summary>
    private static Fr[] Invert(Fr[] m, int n)
    {
        var a = (Fr[])m.Clone();
        var inv = new Fr[n * n];
        for (var i = 0; i < n; i++) inv[i * n + i] = Fr.One;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            while (pivot < n && a[pivot * n + col].IsZero) pivot++;
            if (pivot == n) throw new InvalidOperationException("Poseidon MDS sub-matrix is singular");
            if (pivot != col)
                for (var k = 0; k < n; k++)
                {
                    (a[col * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[col * n + k]);
                    (inv[col * n + k], inv[pivot * n + k]) = (inv[pivot * n + k], inv[col * n + k]);
                }
            Fr.Inverse(a[col * n + col], out var f);
            for (var k = 0; k < n; k++)
            {
                a[col * n + k] *= f;
                inv[col * n + k] *= f;
            }
            for (var row = 0; row < n; row++)
            {
                if (row == col || a[row * n + col].IsZero) continue;
                var g = a[row * n + col];
                for (var k = 0; k < n; k++)
                {
                    a[row * n + k] -= g * a[col * n + k];
                    inv[row * n + k] -= g * inv[col * n + k];
                }
            }
        }
        return inv;
    }
}
