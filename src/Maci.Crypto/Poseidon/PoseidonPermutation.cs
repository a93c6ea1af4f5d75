using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Maci.Crypto.Bn254;
using M = Maci.Crypto.Bn254.Montgomery<Maci.Crypto.Bn254.FrModulus>;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// The permutation with sparse partial rounds (see <see cref="PoseidonParameters"/>): 4 full rounds, R_P partial
/// rounds (S-box on lane 0, sparse matrix) taken in blocks of three, 4 full rounds. Equal to the textbook round function on
/// every input.
/// </summary>
/// <remarks>
/// Specialised per width (the JIT compiles <see cref="Run{TW, TW1, TW2}"/> once per width, so every loop bound is a
/// constant), on the Montgomery limbs directly, over references into the contiguous tables (their sizes are fixed
/// by <see cref="PoseidonParameters"/>), with every row product as one sum of products reduced once.
/// </remarks>
[SkipLocalsInit]
internal static class PoseidonPermutation
{
    /// <param name="p">Tables of the state's width.</param>
    /// <param name="state">The lanes, permuted in place.</param>
    /// <param name="hash">For a hash: lane 0 (the capacity) is zero on entry, so its first S-box is a constant, and
    /// only lane 0 is wanted, so the last mix computes that row alone    /// and the other lanes are left unspecified.</param>
    public static void Run(PoseidonParameters p, Span<Fr> state, bool hash = false)
    {
        if (state.Length != p.Width)
            throw new ArgumentException($"Poseidon state of width {p.Width} expected, got {state.Length}", nameof(state));
        ref var x = ref Unsafe.As<Fr, U256>(ref MemoryMarshal.GetReference(state));
        switch (p.Width)
        {
            case 2: Run<Terms2, Terms3, Terms4>(p, ref x, hash); break;
            case 3: Run<Terms3, Terms4, Terms5>(p, ref x, hash); break;
            case 4: Run<Terms4, Terms5, Terms6>(p, ref x, hash); break;
            case 5: Run<Terms5, Terms6, Terms7>(p, ref x, hash); break;
            case 6: Run<Terms6, Terms7, Terms8>(p, ref x, hash); break;
            case 7: Run<Terms7, Terms8, Terms9>(p, ref x, hash); break;
            default: throw new ArgumentOutOfRangeException(nameof(p), p.Width, "Poseidon width must be 2..7");
        }
    }

    /// <param name="p">Tables of width TW.N.</param>
    /// <param name="state">The TW.N lanes, permuted in place.</param>
    /// <param name="hash">Lane 0 is zero on entry and only lane 0 is wanted.</param>
    /// <typeparam name="TW">The width t.</typeparam>
    /// <typeparam name="TW1">t + 1: the row product of the second round of a block of partial rounds has one more
    /// term.</typeparam>
    /// <typeparam name="TW2">t + 2: the third round's has two more.</typeparam>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run<TW, TW1, TW2>(PoseidonParameters p, ref U256 state, bool hash)
        where TW : struct, ITermCount where TW1 : struct, ITermCount where TW2 : struct, ITermCount
    {
        const int half = PoseidonConstants.FullRounds / 2;
        var t = TW.N;
        // The lanes, then the S-box outputs of the current block of partial rounds (the extra terms of the later
        // row products and the operands of the column updates).
        Span<U256> lanes = stackalloc U256[t + PoseidonParameters.RoundsPerBlock];
        MemoryMarshal.CreateReadOnlySpan(ref state, t).CopyTo(lanes);
        ref var x = ref MemoryMarshal.GetReference(lanes);
        ref var s0 = ref Unsafe.Add(ref x, t);
        ref var s1 = ref Unsafe.Add(ref x, t + 1);
        ref var s2 = ref Unsafe.Add(ref x, t + 2);

        ref var fc = ref AsLimbs(p.FullRoundConstants);
        for (var r = 0; r < half; r++)
        {
            ref var mix = ref AsLimbs(r == half - 1 ? p.PreSparseMatrix : p.Mds);
            FullRound<TW>(ref Unsafe.Add(ref fc, r * t), ref mix, ref x, t, hash && r == 0 ? p.ZeroLaneSBox : null);
        }

        ref var pc = ref AsLimbs(p.PartialRoundConstants);
        ref var block = ref AsLimbs(p.BlockedMatrices);
        var rounds = p.PartialRounds;
        const int k = PoseidonParameters.RoundsPerBlock;
        var blockSize = 2 * k * t; // k·t + k(k−1)/2 + k(t−1) = 6t for k = 3 (the block below is written out for k = 3)
        var blocks = rounds / k;
        // Lane 0 lives in `first` during the partial rounds. Round d of a block writes its S-box output s_d to slot
        // t + d, so that its row product reads lanes 1..t−1 (as they were at the start of the block), s_0 .. s_d
        // side by side from slot 1; nothing is copied (a 32-byte copy of a value just written as four words stalls
        // on store forwarding).
        var first = x;
        ref var lane1 = ref Unsafe.Add(ref x, 1);
        for (var b = 0; b < blocks; b++)
        {
            ref var m = ref Unsafe.Add(ref block, b * blockSize);
            ref var c = ref Unsafe.Add(ref pc, b * k);
            SBox(first, c, out s0);
            M.Dot<TW>(ref m, ref lane1, out first);
            SBox(first, Unsafe.Add(ref c, 1), out s1);
            M.Dot<TW1>(ref Unsafe.Add(ref m, t), ref lane1, out first);
            SBox(first, Unsafe.Add(ref c, 2), out s2);
            M.Dot<TW2>(ref Unsafe.Add(ref m, 2 * t + 1), ref lane1, out first);
            ref var w = ref Unsafe.Add(ref m, 3 * t + 3);
            for (var j = 1; j < t; j++)
            {
                ref var xj = ref Unsafe.Add(ref x, j);
                M.Dot<Terms3>(ref Unsafe.Add(ref w, 3 * (j - 1)), ref s0, out var update);
                M.Add(xj, update, out xj);
            }
        }
        x = first;
        for (var r = blocks * k; r < rounds; r++)
        {
            ref var m = ref Unsafe.Add(ref AsLimbs(p.SparseMatrices), r * (2 * t - 1));
            SBox(x, Unsafe.Add(ref pc, r), out x);
            M.Dot<TW>(ref m, ref x, out first);
            for (var j = 1; j < t; j++)
            {
                ref var xj = ref Unsafe.Add(ref x, j);
                M.Mul(Unsafe.Add(ref m, t - 1 + j), x, out var prod);
                M.Add(xj, prod, out xj);
            }
            x = first;
        }

        for (var r = half; r < 2 * half; r++)
            FullRound<TW>(ref Unsafe.Add(ref fc, r * t), ref AsLimbs(p.Mds), ref x, hash && r == 2 * half - 1 ? 1 : t, null);
        lanes[..t].CopyTo(MemoryMarshal.CreateSpan(ref state, t));
    }

    /// <summary>
    /// S-boxes on every lane (lane 0's given as <paramref name="lane0Box"/> when it is known), then the first
    /// <paramref name="rows"/> rows of the mix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FullRound<TW>(ref U256 c, ref U256 mds, ref U256 x, int rows, Fr[]? lane0Box)
        where TW : struct, ITermCount
    {
        var t = TW.N;
        Span<U256> boxed = stackalloc U256[t];
        ref var y = ref MemoryMarshal.GetReference(boxed);
        if (lane0Box is null)
            SBox(x, c, out y);
        else
            y = lane0Box[0].M;
        for (var i = 1; i < t; i++)
            SBox(Unsafe.Add(ref x, i), Unsafe.Add(ref c, i), out Unsafe.Add(ref y, i));
        for (var i = 0; i < rows; i++)
            M.Dot<TW>(ref Unsafe.Add(ref mds, i * t), ref y, out Unsafe.Add(ref x, i));
    }

    /// <summary>(x + c)⁵, reduced; the sum and the two squares stay below 2q (valid multiplication operands).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SBox(in U256 x, in U256 c, out U256 r)
    {
        M.AddUnreduced(x, c, out var y);
        M.SquareUnreduced(y, out var y2);
        M.SquareUnreduced(y2, out var y4);
        M.Mul(y4, y, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref U256 AsLimbs(Fr[] values) => ref Unsafe.As<Fr, U256>(ref MemoryMarshal.GetArrayDataReference(values));
}
