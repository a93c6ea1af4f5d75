using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Maci.Crypto.Bn254;
using M = Maci.Crypto.Bn254.Montgomery<Maci.Crypto.Bn254.FrModulus>;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// The permutation with sparse partial rounds (see <see cref="PoseidonParameters"/>): 4 full rounds, R_P partial
/// rounds (S-box on lane 0, sparse matrix) taken in pairs, 4 full rounds. Equal to the textbook round function on
/// every input.
/// </summary>
/// <remarks>
/// Specialised per width (the JIT compiles <see cref="Run{TW, TW1}"/> once per width, so every loop bound is a
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
            case 2: Run<Terms2, Terms3>(p, ref x); break;
            case 3: Run<Terms3, Terms4>(p, ref x); break;
            case 4: Run<Terms4, Terms5>(p, ref x); break;
            case 5: Run<Terms5, Terms6>(p, ref x); break;
            case 6: Run<Terms6, Terms7>(p, ref x); break;
            case 7: Run<Terms7, Terms8>(p, ref x); break;
            default: throw new ArgumentOutOfRangeException(nameof(p), p.Width, "Poseidon width must be 2..7");
        }
    }

    /// <param name="p">Tables of width TW.N.</param>
    /// <param name="state">The TW.N lanes, permuted in place.</param>
    /// <typeparam name="TW">The width t.</typeparam>
    /// <typeparam name="TW1">t + 1 (the second row product of a pair of partial rounds has one more term).</typeparam>
    private static void Run<TW, TW1>(PoseidonParameters p, ref U256 state)
        where TW : struct, ITermCount where TW1 : struct, ITermCount
    {
        const int half = PoseidonConstants.FullRounds / 2;
        var t = TW.N;
        // The lanes, then the S-box outputs of the current pair of partial rounds (the extra term of the second row
        // product and the operands of the two-term column updates).
        Span<U256> lanes = stackalloc U256[t + 2];
        MemoryMarshal.CreateReadOnlySpan(ref state, t).CopyTo(lanes);
        ref var x = ref MemoryMarshal.GetReference(lanes);
        ref var s0 = ref Unsafe.Add(ref x, t);
        ref var s1 = ref Unsafe.Add(ref x, t + 1);

        ref var fc = ref AsLimbs(p.FullRoundConstants);
        for (var r = 0; r < half; r++)
            FullRound<TW>(ref Unsafe.Add(ref fc, r * t), ref AsLimbs(r == half - 1 ? p.PreSparseMatrix : p.Mds), ref x);

        ref var pc = ref AsLimbs(p.PartialRoundConstants);
        ref var pm = ref AsLimbs(p.PairedMatrices);
        var rounds = p.PartialRounds;
        for (var k = 0; k < rounds / 2; k++)
        {
            ref var m = ref Unsafe.Add(ref pm, k * (4 * t - 1));
            M.Add(x, Unsafe.Add(ref pc, 2 * k), out var y);
            Pow5(y, out x);
            s0 = x;
            M.Dot<TW>(ref m, ref x, out var first);
            M.Add(first, Unsafe.Add(ref pc, 2 * k + 1), out y);
            Pow5(y, out x);
            s1 = x;
            // Lane 0's S-box output, the lanes before this pair's updates, and (κ) the first round's S-box output.
            M.Dot<TW1>(ref Unsafe.Add(ref m, t), ref x, out first);
            for (var j = 1; j < t; j++)
            {
                ref var xj = ref Unsafe.Add(ref x, j);
                M.Dot<Terms2>(ref Unsafe.Add(ref m, 2 * t - 1 + 2 * j), ref s0, out var update);
                M.Add(xj, update, out xj);
            }
            x = first;
        }
        if (rounds % 2 == 1)
        {
            ref var m = ref Unsafe.Add(ref AsLimbs(p.SparseMatrices), (rounds - 1) * (2 * t - 1));
            M.Add(x, Unsafe.Add(ref pc, rounds - 1), out var y);
            Pow5(y, out x);
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
        lanes[..t].CopyTo(MemoryMarshal.CreateSpan(ref state, t));
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
