using System.Runtime.CompilerServices;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Poseidon;

/// <summary>
/// circomlib's Poseidon over the BN254 scalar field (x^5 S-box, 8 full rounds, R_P partial rounds by width).
/// <c>Hash</c> of n inputs runs the width t = n + 1 permutation on [0, in₁ … inₙ] and returns state[0].
/// Inputs are field elements, so they are already reduced below r. Nothing here allocates.
/// </summary>
[SkipLocalsInit]
public static class PoseidonHash
{
    /// <summary>Fewest and most inputs <see cref="Hash(ReadOnlySpan{Fr})"/> accepts.</summary>
    public const int MinInputs = PoseidonConstants.MinWidth - 1;

    public const int MaxInputs = PoseidonConstants.MaxWidth - 1;

    /// <summary>Poseidon of 1..6 inputs; throws <see cref="ArgumentException"/> for any other count.</summary>
    public static Fr Hash(ReadOnlySpan<Fr> inputs)
    {
        if (inputs.Length is < MinInputs or > MaxInputs)
            throw new ArgumentException($"Poseidon takes {MinInputs}..{MaxInputs} inputs, got {inputs.Length}", nameof(inputs));
        Span<Fr> state = stackalloc Fr[inputs.Length + 1];
        state[0] = Fr.Zero;
        inputs.CopyTo(state[1..]);
        PermuteForHash(state);
        return state[0];
    }

    public static Fr Hash1(in Fr a)
    {
        Span<Fr> state = stackalloc Fr[2];
        state[0] = Fr.Zero;
        state[1] = a;
        PermuteForHash(state);
        return state[0];
    }

    public static Fr Hash2(in Fr a, in Fr b)
    {
        Span<Fr> state = stackalloc Fr[3];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        PermuteForHash(state);
        return state[0];
    }

    public static Fr Hash3(in Fr a, in Fr b, in Fr c)
    {
        Span<Fr> state = stackalloc Fr[4];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        state[3] = c;
        PermuteForHash(state);
        return state[0];
    }

    public static Fr Hash4(in Fr a, in Fr b, in Fr c, in Fr d)
    {
        Span<Fr> state = stackalloc Fr[5];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        state[3] = c;
        state[4] = d;
        PermuteForHash(state);
        return state[0];
    }

    public static Fr Hash5(in Fr a, in Fr b, in Fr c, in Fr d, in Fr e)
    {
        Span<Fr> state = stackalloc Fr[6];
        state[0] = Fr.Zero;
        state[1] = a;
        state[2] = b;
        state[3] = c;
        state[4] = d;
        state[5] = e;
        PermuteForHash(state);
        return state[0];
    }

    /// <summary>H10(a₀..a₉) = H2(H5(a₀..a₄), H5(a₅..a₉)), the aMACI state-leaf hash.</summary>
    public static Fr Hash10(ReadOnlySpan<Fr> inputs)
    {
        if (inputs.Length != 10)
            throw new ArgumentException($"Hash10 takes exactly 10 inputs, got {inputs.Length}", nameof(inputs));
        var left = Hash5(inputs[0], inputs[1], inputs[2], inputs[3], inputs[4]);
        var right = Hash5(inputs[5], inputs[6], inputs[7], inputs[8], inputs[9]);
        return Hash2(left, right);
    }

    /// <summary>
    /// The bare Poseidon permutation of width t = state.Length (2..7) in place, as poseidon-cipher and
    /// circomlib's PoseidonEx use it: the whole state goes in (capacity included) and comes out.
    /// </summary>
    public static void Permute(Span<Fr> state)
    {
        var p = PoseidonConstants.ForWidth(state.Length);
        PoseidonPermutation.Run(p, state);
    }

    /// <summary>
    /// The permutation of a hash state: lane 0 is zero on entry (its first S-box is a constant) and only lane 0 is
    /// read afterwards (the last mix skips the other rows).
    /// </summary>
    private static void PermuteForHash(Span<Fr> state) =>
        PoseidonPermutation.Run(PoseidonConstants.ForWidth(state.Length), state, hash: true);
}
