using System.Numerics;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>
/// Dora's non-anonymous MACI 2-1-1-5 round (dora-maci/round-2-1-1-5.json). Its two proofs were made for the keys in
/// dora-maci/vkeys-2e16364.json (api-maci's circuit_params.rs when the round file was generated), with the contract's
/// word lists: process [packedVals, coordHash, batchStart, batchEnd, curState, newState], tally [packedVals, state,
/// curTally, newTally], no poll id. The later upstream keys (dora-maci/vkeys.json, γ = δ) do not accept them.
/// </summary>
public sealed class MaciRoundProofTests
{
    private static (VerifyingKey Vk, Proof Proof, Fr[] Words) Case(string type, string file = DoraFixtures.MaciRoundKeys)
    {
        var c = DoraFixtures.Proofs("dora-maci").Single(p => p.Type == type);
        var vk = DoraFixtures.Key("dora-maci", "2-1-1-5", type == "processMessage" ? "process" : "tally", file);
        return (vk, Proof.FromEvmHex(c.A, c.B, c.C), DoraFixtures.Words(c.Inputs));
    }

    [Fact]
    public void Both_proofs_verify_with_the_contract_words_and_the_keys_of_their_time()
    {
        var (pvk, process, pw) = Case("processMessage");
        var (tvk, tally, tw) = Case("processTally");
        // packedVals: maxVoteOptions 5 | numSignUps 2 << 32 | quadratic 1 << 64; tally: batch 0 | numSignUps 2 << 32.
        Assert.Equal(Fr.Parse(((BigInteger.One << 64) + (2UL << 32) + 5).ToString()), pw[0]);
        Assert.Equal(Fr.Parse((2UL << 32).ToString()), tw[0]);
        // The tally starts from the state commitment the process proof produced and an empty tally commitment.
        Assert.Equal(pw[5], tw[1]);
        Assert.Equal(Fr.Zero, tw[2]);
        Assert.False(pvk.HasGammaEqualDelta);
        Assert.False(tvk.HasGammaEqualDelta);

        Assert.True(Groth16Verifier.Verify(pvk, process, [InputHash.Compute(pw)]));
        Assert.True(Groth16Verifier.Verify(tvk, tally, [InputHash.Compute(tw)]));
        // Not with the other circuit's key, nor with a poll id appended (today's upstream process word list).
        Assert.False(Groth16Verifier.Verify(tvk, process, [InputHash.Compute(pw)]));
        Assert.False(Groth16Verifier.Verify(pvk, tally, [InputHash.Compute(tw)]));
        Assert.False(Groth16Verifier.Verify(pvk, process, [InputHash.Compute([.. pw, Fr.One])]));
    }

    [Fact]
    public void The_later_upstream_keys_differ_in_delta_and_reject_both_proofs()
    {
        foreach (var type in new[] { "processMessage", "processTally" })
        {
            var (vk, proof, words) = Case(type);
            var upstream = Case(type, "vkeys.json").Vk;
            Assert.True(upstream.HasGammaEqualDelta);
            Assert.Equal(vk.Alpha1, upstream.Alpha1);
            Assert.Equal(vk.Beta2, upstream.Beta2);
            Assert.Equal(vk.Gamma2, upstream.Gamma2);
            Assert.NotEqual(vk.Delta2, upstream.Delta2);
            Assert.False(Groth16Verifier.Verify(upstream, proof, [InputHash.Compute(words)]));
        }
        // The tally key kept its IC points; the process key's IC points changed too.
        Assert.Equal(Case("processTally").Vk.IC.ToArray(), Case("processTally", "vkeys.json").Vk.IC.ToArray());
        Assert.NotEqual(Case("processMessage").Vk.IC.ToArray(), Case("processMessage", "vkeys.json").Vk.IC.ToArray());
    }

    [Theory]
    [InlineData("processMessage")]
    [InlineData("processTally")]
    public void Flipping_any_proof_bit_is_rejected(string type)
    {
        var (vk, proof, words) = Case(type);
        var input = InputHash.Compute(words);
        var bytes = new byte[256];
        proof.WriteEvmBytes(bytes);
        var decoded = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            if (Proof.TryFromEvmBytes(bytes, out var tampered, out _))
            {
                decoded++;
                Assert.False(Groth16Verifier.Verify(vk, tampered!, [input]), $"bit {bit}");
            }
            bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        }
        Assert.True(Groth16Verifier.Verify(vk, Proof.FromEvmBytes(bytes), [input]));
        // Tampering that keeps every point valid: negate A, B or C.
        Assert.False(Groth16Verifier.Verify(vk, new Proof(-proof.A, proof.B, proof.C), [input]));
        Assert.False(Groth16Verifier.Verify(vk, new Proof(proof.A, -proof.B, proof.C), [input]));
        Assert.False(Groth16Verifier.Verify(vk, new Proof(proof.A, proof.B, -proof.C), [input]));
        Assert.InRange(decoded, 0, 8);
    }

    [Theory]
    [InlineData("processMessage")]
    [InlineData("processTally")]
    public void Changing_any_input_word_is_rejected(string type)
    {
        var (vk, proof, words) = Case(type);
        for (var i = 0; i < words.Length; i++)
        {
            var changed = (Fr[])words.Clone();
            changed[i] += Fr.One;
            Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(changed)]), $"word {i}");
        }
        Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words) + Fr.One]));
        Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words[..^1])]));
        Assert.True(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(words)]));
    }

    [Theory]
    [InlineData("processMessage")]
    [InlineData("processTally")]
    public void Flipping_any_key_bit_is_rejected(string type)
    {
        var (vk, proof, words) = Case(type);
        var input = InputHash.Compute(words);
        // alpha1 ‖ beta2 ‖ gamma2 ‖ delta2 ‖ ic0 ‖ ic1 in the EVM encoding.
        int[] sizes = [64, 128, 128, 128, 64, 64];
        var bytes = new byte[sizes.Sum()];
        EvmEncoding.EncodeG1(vk.Alpha1, bytes.AsSpan(0, 64));
        EvmEncoding.EncodeG2(vk.Beta2, bytes.AsSpan(64, 128));
        EvmEncoding.EncodeG2(vk.Gamma2, bytes.AsSpan(192, 128));
        EvmEncoding.EncodeG2(vk.Delta2, bytes.AsSpan(320, 128));
        EvmEncoding.EncodeG1(vk.IC[0], bytes.AsSpan(448, 64));
        EvmEncoding.EncodeG1(vk.IC[1], bytes.AsSpan(512, 64));
        Assert.True(Groth16Verifier.Verify(Decode(bytes)!, proof, [input]));
        var decoded = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            if (Decode(bytes) is { } tampered)
            {
                decoded++;
                Assert.False(Groth16Verifier.Verify(tampered, proof, [input]), $"bit {bit}");
            }
            bytes[bit / 8] ^= (byte)(0x80 >> (bit % 8));
        }
        Assert.InRange(decoded, 0, 8);
        // Tampering that keeps every point valid: negate one key point at a time.
        for (var i = 0; i < 6; i++)
        {
            var k = new VerifyingKey(i == 0 ? -vk.Alpha1 : vk.Alpha1, i == 1 ? -vk.Beta2 : vk.Beta2, i == 2 ? -vk.Gamma2 : vk.Gamma2,
                i == 3 ? -vk.Delta2 : vk.Delta2, [i == 4 ? -vk.IC[0] : vk.IC[0], i == 5 ? -vk.IC[1] : vk.IC[1]]);
            Assert.False(Groth16Verifier.Verify(k, proof, [input]), $"point {i}");
        }
    }

    private static VerifyingKey? Decode(ReadOnlySpan<byte> b)
    {
        try
        {
            return new VerifyingKey(EvmEncoding.DecodeG1(b[..64]), EvmEncoding.DecodeG2(b.Slice(64, 128)), EvmEncoding.DecodeG2(b.Slice(192, 128)),
                EvmEncoding.DecodeG2(b.Slice(320, 128)), [EvmEncoding.DecodeG1(b.Slice(448, 64)), EvmEncoding.DecodeG1(b.Slice(512, 64))]);
        }
        catch (Groth16FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every candidate explored for this round gets the same verdict from snarkjs and from this verifier: only the
    /// keys of the round's time with the contract words accept; today's upstream keys and poll-id word lists do not.
    /// </summary>
    [Fact]
    public async Task Csharp_and_snarkjs_agree_on_every_candidate()
    {
        var cases = new List<SnarkjsOracle.Case>();
        foreach (var type in new[] { "processMessage", "processTally" })
            foreach (var file in new[] { DoraFixtures.MaciRoundKeys, "vkeys.json" })
            {
                var (vk, proof, words) = Case(type, file);
                cases.Add(new(vk, proof, [InputHash.Compute(words)]));
                cases.Add(new(vk, proof, [InputHash.Compute([.. words, Fr.One])]));
            }
        var js = await SnarkjsOracle.VerifyAsync(cases);
        var cs = cases.Select(c => Groth16Verifier.Verify(c.Vk, c.Proof, c.PublicSignals)).ToArray();
        Assert.Equal(js, cs);
        Assert.Equal([true, false, false, false, true, false, false, false], cs);
    }
}
