using System.Collections.Immutable;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// A Groth16 verifying key. Construction validates every point (G1 on the curve, G2 in the subgroup) and throws
/// <see cref="Groth16FormatException"/> otherwise. The prepared form (pairing precomputation) is built once, lazily,
/// and shared.
/// </summary>
public sealed class VerifyingKey
{
    private readonly Lazy<PreparedVerifyingKey> _prepared;

    public G1Affine Alpha1 { get; }
    public G2Affine Beta2 { get; }
    public G2Affine Gamma2 { get; }
    public G2Affine Delta2 { get; }

    /// <summary>IC[0] + Σ inputᵢ·IC[i]; its length is the number of public inputs plus one.</summary>
    public ImmutableArray<G1Affine> IC { get; }

    public int PublicInputCount => IC.Length - 1;

    /// <summary>
    /// True when γ = δ. Such keys come from a setup without a phase-2 contribution and let anyone forge proofs;
    /// the node refuses them unless explicitly allowed.
    /// </summary>
    public bool HasGammaEqualDelta => Gamma2 == Delta2;

    public VerifyingKey(G1Affine alpha1, G2Affine beta2, G2Affine gamma2, G2Affine delta2, IEnumerable<G1Affine> ic)
    {
        Alpha1 = PointValidation.G1(alpha1, "vk alpha1");
        Beta2 = PointValidation.G2(beta2, "vk beta2");
        Gamma2 = PointValidation.G2(gamma2, "vk gamma2");
        Delta2 = PointValidation.G2(delta2, "vk delta2");
        var list = ic.ToImmutableArray();
        if (list.Length == 0) throw new Groth16FormatException("vk IC: at least one point (IC0) is required");
        for (int i = 0; i < list.Length; i++) PointValidation.G1(list[i], $"vk IC{i}");
        IC = list;
        _prepared = new Lazy<PreparedVerifyingKey>(() => new PreparedVerifyingKey(this));
    }

    /// <summary>The pairing precomputation for this key, built on first use.</summary>
    public PreparedVerifyingKey Prepared => _prepared.Value;

    /// <summary>Decodes a key given as EVM hex strings (see <see cref="EvmEncoding"/>).</summary>
    public static VerifyingKey FromEvmHex(string alpha1, string beta2, string gamma2, string delta2, IEnumerable<string> ic) =>
        new(EvmEncoding.DecodeG1(alpha1, "vk alpha1"),
            EvmEncoding.DecodeG2(beta2, "vk beta2"),
            EvmEncoding.DecodeG2(gamma2, "vk gamma2"),
            EvmEncoding.DecodeG2(delta2, "vk delta2"),
            ic.Select((h, i) => EvmEncoding.DecodeG1(h, $"vk IC{i}")).ToArray());
}
