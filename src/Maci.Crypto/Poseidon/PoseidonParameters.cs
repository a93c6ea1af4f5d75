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
        PairedMatrices = PairRounds(SparseMatrices, partialRounds, t);
    }

    public int Width { get; }

    public int PartialRounds { get; }

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

    /// <summary>
    /// Partial rounds taken two at a time (rounds 2k and 2k+1), 4t − 1 values per pair: round 2k's s00 and row v
    /// (t); round 2k+1's s00, row v and κ = Σⱼ v₂ₖ₊₁,ⱼ·w₂ₖ,ⱼ (t + 1); then, per lane j ≥ 1, w₂ₖ,ⱼ and w₂ₖ₊₁,ⱼ. With κ
    /// the second round's row product reads the lanes as they were before the first round's column update
    /// (x + w·s = x' for the lanes, so v·x' = v·x + κ·s), and both column updates of a lane become one two-term sum
    /// of products. An odd last partial round runs alone from <see cref="SparseMatrices"/>.
    /// </summary>
    public Fr[] PairedMatrices { get; }

    private static Fr[] PairRounds(Fr[] sparse, int rounds, int t)
    {
        var stride = 2 * t - 1;
        var size = 4 * t - 1;
        var result = new Fr[rounds / 2 * size];
        for (var k = 0; k < rounds / 2; k++)
        {
            var first = sparse.AsSpan(2 * k * stride, stride);
            var second = sparse.AsSpan((2 * k + 1) * stride, stride);
            var o = result.AsSpan(k * size, size);
            first[..t].CopyTo(o);
            second[..t].CopyTo(o[t..]);
            var kappa = Fr.Zero;
            for (var j = 1; j < t; j++)
            {
                kappa += second[j] * first[t - 1 + j];
                o[2 * t - 1 + 2 * j] = first[t - 1 + j];
                o[2 * t + 2 * j] = second[t - 1 + j];
            }
            o[2 * t] = kappa;
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
