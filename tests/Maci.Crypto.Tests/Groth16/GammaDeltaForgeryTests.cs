using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>
/// Why the node refuses keys with γ = δ by default: the check e(A,B) = e(α,β)·e(IC(x),γ)·e(C,δ) collapses to
/// e(A,B) = e(α,β)·e(IC(x) + C, δ), so A = α, B = β, C = −IC(x) (IC(x) = IC0 + x·IC1) "proves" every input x without
/// any witness. Upstream's current MACI 2-1-1-5 keys (dora-maci/vkeys.json) have γ = δ.
/// </summary>
public sealed class GammaDeltaForgeryTests
{
    [Fact]
    public void Keys_with_gamma_equal_delta_accept_a_forged_proof_for_any_input()
    {
        foreach (var circuit in new[] { "process", "tally" })
        {
            var vk = DoraFixtures.Key("dora-maci", "2-1-1-5", circuit);
            Assert.True(vk.HasGammaEqualDelta);
            foreach (var x in new[] { Fr.Zero, Fr.FromUInt64(1), Fr.Parse("12345678901234567890123456789"), Fr.Zero - Fr.FromUInt64(1) })
            {
                var forged = Forge(vk, x);
                Assert.True(Groth16Verifier.Verify(vk, forged, [x]), $"{circuit} accepts the forgery for {x}");
                // The forgery is bound to its x only through C: another input does not verify with it.
                Assert.False(Groth16Verifier.Verify(vk, forged, [x + Fr.FromUInt64(1)]));
            }
        }
    }

    [Fact]
    public void Keys_with_gamma_distinct_from_delta_refuse_the_same_forgery()
    {
        var vk = DoraFixtures.Key("dora-maci", "2-1-1-5", "process", DoraFixtures.MaciRoundKeys);
        Assert.False(vk.HasGammaEqualDelta);
        var x = Fr.FromUInt64(42);
        Assert.False(Groth16Verifier.Verify(vk, Forge(vk, x), [x]));
    }

    [Fact]
    public void A_forged_proof_survives_the_evm_encoding_the_chain_reads()
    {
        var vk = DoraFixtures.Key("dora-maci", "2-1-1-5", "process");
        var x = Fr.FromUInt64(7);
        Span<byte> evm = stackalloc byte[256];
        Forge(vk, x).WriteEvmBytes(evm);
        Assert.True(Groth16Verifier.Verify(vk.Prepared, Proof.FromEvmBytes(evm), [x]));
    }

    /// <summary>A = α, B = β, C = −(IC0 + x·IC1).</summary>
    internal static Proof Forge(VerifyingKey vk, in Fr x)
    {
        G1Jacobian.Multiply(vk.IC[1], x, out var xIc1);
        G1Jacobian.AddMixed(xIc1, vk.IC[0], out var ic);
        G1Jacobian.Neg(ic, out var c);
        return new Proof(vk.Alpha1, vk.Beta2, c.ToAffine());
    }
}
