using System.Runtime.CompilerServices;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>The round function: add constants, S-box (all lanes or lane 0), multiply by the MDS matrix.</summary>
[SkipLocalsInit]
internal static class PoseidonPermutation
{
    public static void Run(PoseidonParameters p, Span<Fr> state)
    {
        var t = p.Width;
        var c = p.RoundConstants.AsSpan();
        var m = p.Mds.AsSpan();
        Span<Fr> tmp = stackalloc Fr[t];
        var half = PoseidonConstants.FullRounds / 2;
        var rounds = PoseidonConstants.FullRounds + p.PartialRounds;
        for (var r = 0; r < rounds; r++)
        {
            var rc = c.Slice(r * t, t);
            var full = r < half || r >= half + p.PartialRounds;
            if (full)
            {
                for (var i = 0; i < t; i++)
                {
                    Fr.Add(state[i], rc[i], out var x);
                    Pow5(x, out state[i]);
                }
            }
            else
            {
                Fr.Add(state[0], rc[0], out var x);
                Pow5(x, out state[0]);
                for (var i = 1; i < t; i++)
                    Fr.Add(state[i], rc[i], out state[i]);
            }
            MixLayer(m, state, tmp, t);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(in Fr x, out Fr r)
    {
        Fr.Square(x, out var x2);
        Fr.Square(x2, out var x4);
        Fr.Mul(x4, x, out r);
    }

    private static void MixLayer(ReadOnlySpan<Fr> m, Span<Fr> state, Span<Fr> tmp, int t)
    {
        for (var i = 0; i < t; i++)
        {
            var row = m.Slice(i * t, t);
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
