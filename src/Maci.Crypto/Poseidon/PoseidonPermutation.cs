using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Maci.Crypto.Bn254;
using M = Maci.Crypto.Bn254.Montgomery<Maci.Crypto.Bn254.FrModulus>;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// The permutation with sparse partial rounds (see <see cref="PoseidonParameters"/>): 4 full rounds, R_P partial
/// rounds (S-box on lane 0, sparse matrix), 4 full rounds. Equal to the textbook round function on every input.
/// </summary>
/// <remarks>
/// Specialised per width (the JIT compiles <see cref="Run{TW}"/> once per width struct, so every loop bound is a
/// constant), on the Montgomery limbs directly, over references into the contiguous tables (their sizes are fixed
/// by <see cref="PoseidonParameters"/>), with every row product as one sum of products reduced once.
/// </remarks>
[SkipLocalsInit]
internal static class PoseidonPermutation
{
    public static void Run(PoseidonParameters p, Span<Fr> state)
    {
        if (state.Length != p.Width)
            throw new ArgumentException($"Poseidon state of width {p.Width} expected, got {state.Length}", nameof(state));
        ref var x = ref Unsafe.As<Fr, U256>(ref MemoryMarshal.GetReference(state));
        switch (p.Width)
        {
            case 2: Run<Terms2>(p, ref x); break;
            case 3: Run<Terms3>(p, ref x); break;
            case 4: Run<Terms4>(p, ref x); break;
            case 5: Run<Terms5>(p, ref x); break;
            case 6: Run<Terms6>(p, ref x); break;
            case 7: Run<Terms7>(p, ref x); break;
            default: throw new ArgumentOutOfRangeException(nameof(p), p.Width, "Poseidon width must be 2..7");
        }
    }

    private static void Run<TW>(PoseidonParameters p, ref U256 x) where TW : struct, ITermCount
    {
        const int half = PoseidonConstants.FullRounds / 2;
        var t = TW.N;
        ref var fc = ref AsLimbs(p.FullRoundConstants);
        for (var r = 0; r < half; r++)
            FullRound<TW>(ref Unsafe.Add(ref fc, r * t), ref AsLimbs(r == half - 1 ? p.PreSparseMatrix : p.Mds), ref x);

        ref var pc = ref AsLimbs(p.PartialRoundConstants);
        ref var sm = ref AsLimbs(p.SparseMatrices);
        var rounds = p.PartialRounds;
        for (var r = 0; r < rounds; r++)
        {
            M.Add(x, Unsafe.Add(ref pc, r), out var y);
            Pow5(y, out x);
            ref var m = ref Unsafe.Add(ref sm, r * (2 * t - 1));
            M.Dot<TW>(ref m, ref x, out var first);
            for (var j = 1; j < t; j++)
            {
                ref var xj = ref Unsafe.Add(ref x, j);
                M.Mul(Unsafe.Add(ref m, t - 1 + j), x, out var prod);
                M.Add(xj, prod, out xj);
            }
            x = first;
        }

        for (var r = half; r < 2 * half; r++)
            FullRound<TW>(ref Unsafe.Add(ref fc, r * t), ref AsLimbs(p.Mds), ref x);
    }

    private static void FullRound<TW>(ref U256 c, ref U256 mds, ref U256 x) where TW : struct, ITermCount
    {
        var t = TW.N;
        for (var i = 0; i < t; i++)
        {
            ref var xi = ref Unsafe.Add(ref x, i);
            M.Add(xi, Unsafe.Add(ref c, i), out var y);
            Pow5(y, out xi);
        }
        Span<U256> mixed = stackalloc U256[t];
        for (var i = 0; i < t; i++)
            M.Dot<TW>(ref Unsafe.Add(ref mds, i * t), ref x, out mixed[i]);
        mixed.CopyTo(MemoryMarshal.CreateSpan(ref x, t));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Pow5(in U256 x, out U256 r)
    {
        M.Mul(x, x, out var x2);
        M.Mul(x2, x2, out var x4);
        M.Mul(x4, x, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref U256 AsLimbs(Fr[] values) => ref Unsafe.As<Fr, U256>(ref MemoryMarshal.GetArrayDataReference(values));
}
