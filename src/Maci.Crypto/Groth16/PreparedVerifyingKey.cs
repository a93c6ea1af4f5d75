using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// Per-key pairing precomputation: the Miller-loop value of (α, β) and the line coefficients of γ and δ.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class PreparedVerifyingKey
{
    internal readonly Fp12 AlphaBetaMiller;
    internal readonly G2Prepared Gamma;
    internal readonly G2Prepared Delta;

    /// <summary>Fixed-base tables for IC[1..], or null for keys with many inputs (tables are ~60 KB per input).</summary>
    internal readonly G1FixedBase[]? IcTables;

    private const int MaxTabledInputs = 32;

    public VerifyingKey Key { get; }

    internal PreparedVerifyingKey(VerifyingKey vk)
    {
        Key = vk;
        ReadOnlySpan<G1Affine> a = [vk.Alpha1];
        ReadOnlySpan<G2Affine> b = [vk.Beta2];
        AlphaBetaMiller = Pairing.MillerLoop(a, b);
        Gamma = new G2Prepared(vk.Gamma2);
        Delta = new G2Prepared(vk.Delta2);
        if (vk.PublicInputCount <= MaxTabledInputs)
            IcTables = vk.IC.Skip(1).Select(p => new G1FixedBase(p)).ToArray();
    }
}
