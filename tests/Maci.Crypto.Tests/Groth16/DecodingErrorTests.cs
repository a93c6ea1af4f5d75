using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.Crypto.Tests.Bn254;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>Malformed or invalid encodings fail with a <see cref="Groth16FormatException"/> that says why.</summary>
public sealed class DecodingErrorTests
{
    private static readonly string PHex = Fp.Modulus.ToString("x64")[^64..];

    private static DoraFixtures.ProofCase Tally() => DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "processTally");

    private static void Fails(Action act, string expectedFragment)
    {
        var e = Assert.Throws<Groth16FormatException>(act);
        Assert.Contains(expectedFragment, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Point_off_the_curve()
    {
        var c = Tally();
        var y = Fp.Parse("0x" + c.A[64..]) + Fp.One;
        var bad = c.A[..64] + Convert.ToHexStringLower(Bytes(y));
        Fails(() => EvmEncoding.DecodeG1(bad, "proof A"), "not on the curve");
        Fails(() => Proof.FromEvmHex(bad, c.B, c.C), "proof A");
        var badB = c.B[..192] + Convert.ToHexStringLower(Bytes(Fp.Parse("0x" + c.B[192..]) + Fp.One));
        Fails(() => Proof.FromEvmHex(c.A, badB, c.C), "not on the twist");
    }

    [Fact]
    public void Coordinates_at_or_above_p_are_rejected_not_reduced()
    {
        var c = Tally();
        // x + p encodes the same residue; it must be refused.
        var x = Fp.Parse("0x" + c.A[..64]).ToBigInteger() + Fp.Modulus;
        if (x < System.Numerics.BigInteger.One << 256)
            Fails(() => EvmEncoding.DecodeG1(x.ToString("x64")[^64..] + c.A[64..]), "not below the base field modulus");
        Fails(() => EvmEncoding.DecodeG1(PHex + c.A[64..]), "coordinate x");
        Fails(() => EvmEncoding.DecodeG1(c.A[..64] + new string('f', 64)), "coordinate y");
        Fails(() => EvmEncoding.DecodeG2(PHex + c.B[64..]), "x.c1");
        Fails(() => EvmEncoding.DecodeG2(c.B[..64] + PHex + c.B[128..]), "x.c0");
    }

    [Fact]
    public void G2_point_outside_the_subgroup()
    {
        // A twist point with x = 1 + u… found by search, then checked to be outside G2.
        var q = FindTwistPointOutsideG2();
        Fails(() => EvmEncoding.DecodeG2(EvmEncoding.EncodeG2Hex(q), "proof B"), "not in the order-r subgroup");
        var c = Tally();
        Fails(() => Proof.FromEvmHex(c.A, EvmEncoding.EncodeG2Hex(q), c.C), "proof B");
        Fails(() => new Proof(G1Affine.Generator, q, G1Affine.Generator), "subgroup");
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("0x")]
    public void Wrong_lengths(string hex)
    {
        Fails(() => EvmEncoding.DecodeG1(hex), "expected 128 hex digits");
        Fails(() => EvmEncoding.DecodeG2(hex), "expected 256 hex digits");
    }

    [Fact]
    public void Malformed_hex_and_byte_lengths()
    {
        var c = Tally();
        Fails(() => EvmEncoding.DecodeG1("zz" + c.A[2..]), "not a hex digit");
        Fails(() => EvmEncoding.DecodeG1(c.A + "00"), "expected 128 hex digits");
        Fails(() => EvmEncoding.DecodeG1(c.A[..^1]), "expected 128 hex digits");
        Fails(() => EvmEncoding.DecodeG1((string)null!), "missing");
        Fails(() => Proof.FromEvmBytes(new byte[255]), "expected 256 bytes");
        Fails(() => EvmEncoding.DecodeG1(new byte[63]), "expected 64 bytes");
        Fails(() => EvmEncoding.DecodeG2(new byte[129]), "expected 128 bytes");
        Assert.False(Proof.TryFromEvmBytes(new byte[10], out var p, out var error));
        Assert.Null(p);
        Assert.Contains("256", error);
        // 0x prefix and upper case are accepted.
        Assert.Equal(EvmEncoding.DecodeG1(c.A), EvmEncoding.DecodeG1("0x" + c.A.ToUpperInvariant()));
    }

    [Fact]
    public void All_zero_is_infinity_and_is_accepted_as_a_point()
    {
        Assert.True(EvmEncoding.DecodeG1(new byte[64]).IsInfinity);
        Assert.True(EvmEncoding.DecodeG2(new byte[128]).IsInfinity);
    }

    [Fact]
    public void Key_json_errors()
    {
        Fails(() => VerifyingKeyJson.FromEvmHexObject("{"), "malformed JSON");
        Fails(() => VerifyingKeyJson.FromEvmHexObject("[]"), "expected a JSON object");
        Fails(() => VerifyingKeyJson.FromEvmHexObject("{\"vk_alpha1\": \"00\"}"), "missing 'vk_beta_2'");
        var k = DoraFixtures.KeyJson("dora-amaci", "2-1-1-5", "tally");
        var noIc = "{" + string.Join(",", new[] { "vk_alpha1", "vk_beta_2", "vk_gamma_2", "vk_delta_2" }
            .Select(f => $"\"{f}\":\"{k.GetProperty(f).GetString()}\"")) + "}";
        Fails(() => VerifyingKeyJson.FromEvmHexObject(noIc), "at least one point");
        Fails(() => VerifyingKeyJson.FromEvmHexObject(noIc.Replace("\"vk_alpha1\":\"", "\"vk_alpha1\":1,\"x\":\"")), "must be a string");
    }

    internal static G2Affine FindTwistPointOutsideG2()
    {
        for (ulong i = 1; ; i++)
        {
            var x = new Fp2(Fp.FromUInt64(i), Fp.One);
            Fp2.Square(x, out var y2);
            Fp2.Mul(y2, x, out y2);
            var b = new Fp2(Fp.FromUInt64(3), Fp.Zero) * RandomValues.Inv(Fp2.Xi);
            Fp2.Add(y2, b, out y2);
            if (!Fp2.Sqrt(y2, out var y)) continue;
            var q = new G2Affine(x, y);
            Assert.True(q.IsOnCurve);
            if (!RandomValues.G2Mul(q, Fr.Modulus).IsInfinity) return q;
        }
    }

    private static byte[] Bytes(Fp v)
    {
        var b = new byte[32];
        v.WriteBytesBigEndian(b);
        return b;
    }
}
