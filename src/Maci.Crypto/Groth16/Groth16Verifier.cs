using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// Groth16 verification on BN254 (snarkjs / bellman compatible):
/// e(A, B) = e(α, β) · e(vk_x, γ) · e(C, δ) with vk_x = IC₀ + Σ xᵢ·ICᵢ, checked as
/// e(−A, B) · e(α, β) · e(vk_x, γ) · e(C, δ) = 1 in one multi-Miller loop and one final exponentiation.
/// Proof and key points are validated when those objects are built; public inputs are field elements (below r) by type.
/// </summary>
public static class Groth16Verifier
{
    /// <summary>True when the proof is valid for these public inputs; false for a wrong proof or a wrong input count.</summary>
    public static bool Verify(VerifyingKey vk, Proof proof, ReadOnlySpan<Fr> publicInputs) =>
        Verify(vk.Prepared, proof, publicInputs);

    public static bool Verify(PreparedVerifyingKey pvk, Proof proof, ReadOnlySpan<Fr> publicInputs)
    {
        ArgumentNullException.ThrowIfNull(pvk);
        ArgumentNullException.ThrowIfNull(proof);
        var ic = pvk.Key.IC.AsSpan();
        if (publicInputs.Length != ic.Length - 1) return false;

        var acc = G1Jacobian.FromAffine(ic[0]);
        for (int i = 0; i < publicInputs.Length; i++)
        {
            if (publicInputs[i].IsZero) continue;
            G1Jacobian term;
            if (pvk.IcTables is { } tables) tables[i].Multiply(publicInputs[i], out term);
            else G1Jacobian.Multiply(ic[i + 1], publicInputs[i], out term);
            G1Jacobian.Add(acc, term, out acc);
        }
        var vkX = acc.ToAffine();

        ReadOnlySpan<G1Affine> p = [-proof.A];
        ReadOnlySpan<G2Affine> q = [proof.B];
        ReadOnlySpan<G1Affine> preparedP = [vkX, proof.C];
        ReadOnlySpan<G2Prepared> preparedQ = [pvk.Gamma, pvk.Delta];
        var f = Pairing.MillerLoop(p, q, preparedP, preparedQ);
        Fp12.Mul(f, pvk.AlphaBetaMiller, out f);
        return Pairing.FinalExponentiation(f).IsOne;
    }
}
