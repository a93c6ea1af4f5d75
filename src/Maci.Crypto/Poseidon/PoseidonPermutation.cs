using System.Runtime.CompilerServices;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// The permutation with sparse partial rounds (see <see cref="PoseidonParameters"/>): 4 full rounds, R_P partial
/// rounds (S-box on lane 0, sparse matrix), 4 full rounds. Equal to the textbook round function on every input.
/// </summary>
[SkipLocalsInit]
internal static class PoseidonPermutation
{
    /// <summary>
    /// From this width on, row products go through one <see cref="Fr.SumOfProducts"/> (a single reduction); below it
    /// separate multiplications measured faster (they overlap, while the sum is one serial carry chain).
    /// </summary>
    private const int DotFromWidth = 4;

    public static void Run(PoseidonParameters p, Span<Fr> state)
    {
        var t = p.Width;
        var half = PoseidonConstants.FullRounds / 2;
        var fc = p.FullRoundConstants.AsSpan();
        Span<Fr> tmp = stackalloc Fr[t];

        for (var r = 0; r < half; r++)
        {
            FullSBox(state, fc.Slice(r * t, t));
            Mix(r == half - 1 ? p.PreSparseMatrix : p.Mds, state, tmp, t);
        }

        var pc = p.PartialRoundConstants.AsSpan();
        var sm = p.SparseMatrices.AsSpan();
        var stride = 2 * t - 1;
        for (var r = 0; r < pc.Length; r++)
        {
            Fr.Add(state[0], pc[r], out var x);
            Pow5(x, out var s0);
            var s = sm.Slice(r * stride, stride);
            Fr first;
            if (t >= DotFromWidth)
            {
                state[0] = s0;
                Fr.SumOfProducts(s[..t], state, out first);
            }
            else
            {
                Fr.Mul(s[0], s0, out first);
                for (var j = 1; j < t; j++)
                {
                    Fr.Mul(s[j], state[j], out var prod);
                    Fr.Add(first, prod, out first);
                }
            }
            for (var j = 1; j < t; j++)
            {
                Fr.Mul(s[t - 1 + j], s0, out var prod);
                Fr.Add(state[j], prod, out state[j]);
            }
            state[0] = first;
        }

        for (var r = half; r < 2 * half; r++)
        {
            FullSBox(state, fc.Slice(r * t, t));
            Mix(p.Mds, state, tmp, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FullSBox(Span<Fr> state, ReadOnlySpan<Fr> constants)
    {
        for (var i = 0; i < state.Length; i++)
        {
            Fr.Add(state[i], constants[i], out var x);
            Pow5(x, out state[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(in Fr x, out Fr r)
    {
        Fr.Square(x, out var x2);
        Fr.Square(x2, out var x4);
        Fr.Mul(x4, x, out r);
    }

    private static void Mix(ReadOnlySpan<Fr> m, Span<Fr> state, Span<Fr> tmp, int t)
    {
        for (var i = 0; i < t; i++)
        {
            var row = m.Slice(i * t, t);
            if (t >= DotFromWidth)
            {
                Fr.SumOfProducts(row, state, out tmp[i]);
                continue;
            }
            Fr.Mul(row[0], state[0], out var acc);
            for (var j = 1; j < t; j++)
            {
                Fr.Mul(row[j], state[j], out var prod);
                Fr.Add(acc, prod, out acc);
            }
            tmp[i] = acc;
        }
        tmp.CopyTo(state);
    }
}
