using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>Any changed bit of a proof, an input word or a key is rejected: by the decoder or by Verify, never a crash.</summary>
public sealed class TamperingTests
{
    private static (VerifyingKey Vk, byte[] Proof, Fr[] Words, DoraFixtures.ProofCase Case) Tally()
    {
        var c = DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "processTally");
        var vk = DoraFixtures.Key("dora-amaci", "2-1-1-5", "tally");
        var bytes = new byte[256];
        Proof.FromEvmHex(c.A, c.B, c.C).WriteEvmBytes(bytes);
        return (vk, bytes, DoraFixtures.Words(c.Inputs), c);
    }

    [Fact]
    public void Flipping_any_sampled_bit_of_the_proof_is_rejected()
    {
        var (vk, good, words, _) = Tally();
        var h = InputHash.Compute(words);
        Assert.True(Proof.TryFromEvmBytes(good, out var ok, out _));
        Assert.True(Groth16Verifier.Verify(vk, ok!, [h]));
        int decodeRejected = 0, verifyRejected = 0;
        for (int bit = 0; bit < 256 * 8; bit += 5)
        {
            var bad = (byte[])good.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            if (Proof.TryFromEvmBytes(bad, out var proof, out var error))
            {
                Assert.False(Groth16Verifier.Verify(vk, proof!, [h]), $"bit {bit} accepted");
                verifyRejected++;
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                decodeRejected++;
            }
        }
        Assert.Equal(410, decodeRejected + verifyRejected);
    }

    [Fact]
    public void Valid_but_different_proof_points_are_rejected_by_Verify()
    {
        var (vk, good, words, _) = Tally();
        var p = Proof.FromEvmBytes(good);
        var h = InputHash.Compute(words);
        G1Jacobian.AddMixed(G1Jacobian.FromAffine(p.A), G1Affine.Generator, out var a2);
        G2Jacobian.Double(G2Jacobian.FromAffine(p.B), out var b2);
        var variants = new[]
        {
            new Proof(a2.ToAffine(), p.B, p.C),
            new Proof(-p.A, p.B, p.C),
            new Proof(p.A, b2.ToAffine(), p.C),
            new Proof(p.A, -p.B, p.C),
            new Proof(p.A, p.B, -p.C),
            new Proof(p.C, p.B, p.A),
            new Proof(G1Affine.Infinity, p.B, p.C),
            new Proof(p.A, G2Affine.Infinity, p.C),
            new Proof(p.A, p.B, G1Affine.Infinity),
        };
        foreach (var v in variants) Assert.False(Groth16Verifier.Verify(vk, v, [h]));
    }

    [Fact]
    public void Flipping_bits_of_input_words_is_rejected()
    {
        var (vk, good, words, _) = Tally();
        var proof = Proof.FromEvmBytes(good);
        Span<byte> buf = stackalloc byte[32];
        int checkedCount = 0;
        for (int w = 0; w < words.Length; w++)
            for (int bit = 0; bit < 256; bit += 21)
            {
                words[w].WriteBytesBigEndian(buf);
                buf[31 - bit / 8] ^= (byte)(1 << (bit % 8));
                if (!Fr.TryFromBytesBigEndian(buf, out var changed)) continue; // ≥ r: cannot even be a word
                var tampered = (Fr[])words.Clone();
                tampered[w] = changed;
                Assert.False(Groth16Verifier.Verify(vk, proof, [InputHash.Compute(tampered)]));
                checkedCount++;
            }
        Assert.True(checkedCount > 40);
        // The hash itself, changed in its low and high bits.
        var h = InputHash.Compute(words);
        Assert.False(Groth16Verifier.Verify(vk, proof, [h + Fr.One]));
        Assert.False(Groth16Verifier.Verify(vk, proof, [h + Fr.FromBigInteger(System.Numerics.BigInteger.One << 250)]));
    }

    [Fact]
    public void Flipping_bits_of_the_key_is_rejected()
    {
        var (_, good, words, _) = Tally();
        var proof = Proof.FromEvmBytes(good);
        var h = InputHash.Compute(words);
        var json = DoraFixtures.KeyJson("dora-amaci", "2-1-1-5", "tally");
        var fields = new[] { "vk_alpha1", "vk_beta_2", "vk_gamma_2", "vk_delta_2", "vk_ic0", "vk_ic1" };
        var hex = fields.ToDictionary(f => f, f => json.GetProperty(f).GetString()!);
        int rejected = 0;
        foreach (var field in fields)
        {
            var bytes = Convert.FromHexString(hex[field]);
            for (int bit = 3; bit < bytes.Length * 8; bit += 37)
            {
                var bad = (byte[])bytes.Clone();
                bad[bit / 8] ^= (byte)(1 << (bit % 8));
                var values = fields.Select(f => f == field ? Convert.ToHexString(bad) : hex[f]).ToArray();
                VerifyingKey vk;
                try
                {
                    vk = VerifyingKey.FromEvmHex(values[0], values[1], values[2], values[3], values[4..]);
                }
                catch (Groth16FormatException)
                {
                    rejected++;
                    continue;
                }
                Assert.False(Groth16Verifier.Verify(vk, proof, [h]));
                rejected++;
            }
        }
        Assert.True(rejected > 50);
    }
}
