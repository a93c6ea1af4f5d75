using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.TestSupport;
using System.Text.Json;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>The real aMACI proofs of Dora's 2-1-1-5 test round verify against Dora's keys (MACI: <see cref="MaciRoundProofTests"/>).</summary>
public sealed class DoraProofTests
{
    [Theory]
    [InlineData("proofDeactivate", "deactivate")]
    [InlineData("proofAddNewKey", "add_new_key")]
    [InlineData("processMessage", "process")]
    [InlineData("processTally", "tally")]
    public async Task Amaci_round_proofs_verify(string type, string circuit)
    {
        var c = DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == type);
        var vk = DoraFixtures.Key("dora-amaci", "2-1-1-5", circuit);
        var proof = Proof.FromEvmHex(c.A, c.B, c.C);
        var words = await DoraFixtures.ContractWordsAsync(c);
        Assert.True(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words)]));
        // The same proof under another circuit's key, or with another input, is rejected.
        var other = DoraFixtures.Key("dora-amaci", "2-1-1-5", circuit == "tally" ? "process" : "tally");
        Assert.False(Groth16Verifier.Verify(other, proof, [InputHash.Compute(words)]));
        Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words[..^1])]));
    }

    [Fact]
    public async Task Add_new_key_needs_the_contract_word_list_not_the_generator_inputs()
    {
        var c = DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "proofAddNewKey");
        var vk = DoraFixtures.Key("dora-amaci", "2-1-1-5", "add_new_key");
        var proof = Proof.FromEvmHex(c.A, c.B, c.C);
        Assert.Equal(7, c.Inputs.Length);
        Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(DoraFixtures.Words(c.Inputs))]));
        var words = await DoraFixtures.ContractWordsAsync(c);
        Assert.Equal(9, words.Length);
        Assert.True(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words)]));
    }

    [Fact]
    public void Prepared_key_is_reusable_and_the_wrong_input_count_is_rejected()
    {
        var c = DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "processTally");
        var vk = DoraFixtures.Key("dora-amaci", "2-1-1-5", "tally");
        var proof = Proof.FromEvmHex(c.A, c.B, c.C);
        var h = InputHash.Compute(DoraFixtures.Words(c.Inputs));
        var pvk = vk.Prepared;
        Assert.Same(pvk, vk.Prepared);
        for (int i = 0; i < 3; i++) Assert.True(Groth16Verifier.Verify(pvk, proof, [h]));
        Assert.False(Groth16Verifier.Verify(pvk, proof, []));
        Assert.False(Groth16Verifier.Verify(pvk, proof, [h, h]));
        Assert.False(Groth16Verifier.Verify(pvk, proof, [h + Fr.One]));
        Assert.False(Groth16Verifier.Verify(pvk, proof, [Fr.Zero]));
    }

    [Fact]
    public void Gamma_equal_delta_is_flagged_for_the_MACI_2_1_1_5_keys_only()
    {
        Assert.True(DoraFixtures.Key("dora-maci", "2-1-1-5", "process").HasGammaEqualDelta);
        Assert.True(DoraFixtures.Key("dora-maci", "2-1-1-5", "tally").HasGammaEqualDelta);
        foreach (var size in new[] { "2-1-1-5", "9-4-3-125" })
            foreach (var circuit in new[] { "process", "tally", "deactivate", "add_new_key" })
            {
                var vk = DoraFixtures.Key("dora-amaci", size, circuit);
                Assert.False(vk.HasGammaEqualDelta);
                Assert.Equal(1, vk.PublicInputCount);
                Assert.Equal(G2Affine.Generator, vk.Gamma2);
            }
        foreach (var size in new[] { "4-2-2-25", "6-3-3-125" })
            Assert.Equal(1, DoraFixtures.Key("dora-maci", size, "process").PublicInputCount);
    }

    [Fact]
    public void Evm_encoding_round_trips_fixture_points()
    {
        var c = DoraFixtures.Proofs("dora-amaci")[0];
        var proof = Proof.FromEvmHex(c.A, c.B, c.C);
        Assert.Equal(c.A, EvmEncoding.EncodeG1Hex(proof.A));
        Assert.Equal(c.B, EvmEncoding.EncodeG2Hex(proof.B));
        Assert.Equal(c.C, EvmEncoding.EncodeG1Hex(proof.C));
        var bytes = new byte[256];
        proof.WriteEvmBytes(bytes);
        Assert.Equal(proof, Proof.FromEvmBytes(bytes));
        Assert.True(Proof.TryFromEvmBytes(bytes, out var again, out var error));
        Assert.Null(error);
        Assert.Equal(proof, again);
    }
}
