using System.Text.Json.Nodes;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>The snarkjs JSON readers are strict and explain every rejection.</summary>
public sealed class SnarkjsJsonTests
{
    private static readonly string R = Fr.Modulus.ToString();
    private static readonly string P = Fp.Modulus.ToString();

    private static VerifyingKey DoraKey() => DoraFixtures.Key("dora-amaci", "2-1-1-5", "tally");

    private static Proof DoraProof()
    {
        var c = DoraFixtures.Proofs("dora-amaci").Single(p => p.Type == "processTally");
        return Proof.FromEvmHex(c.A, c.B, c.C);
    }

    private static void Fails(Action act, string fragment)
    {
        var e = Assert.Throws<Groth16FormatException>(act);
        Assert.Contains(fragment, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Dora_key_and_proof_survive_a_round_trip_through_snarkjs_json()
    {
        var vk = DoraKey();
        var back = SnarkjsJson.ParseVerifyingKey(SnarkjsJson.WriteVerifyingKey(vk));
        Assert.Equal(vk.Alpha1, back.Alpha1);
        Assert.Equal(vk.Beta2, back.Beta2);
        Assert.Equal(vk.Gamma2, back.Gamma2);
        Assert.Equal(vk.Delta2, back.Delta2);
        Assert.Equal(vk.IC.ToArray(), back.IC.ToArray());
        var proof = DoraProof();
        Assert.Equal(proof, SnarkjsJson.ParseProof(SnarkjsJson.WriteProof(proof)));
        Fr[] signals = [Fr.Zero, Fr.FromBigInteger(Fr.Modulus - 1)];
        Assert.Equal(signals, SnarkjsJson.ParsePublicSignals(SnarkjsJson.WritePublicSignals(signals)));
    }

    [Fact]
    public void Public_signals_must_be_decimal_strings_below_r()
    {
        Fails(() => SnarkjsJson.ParsePublicSignals($"[\"{R}\"]"), "public signals[0]");
        Fails(() => SnarkjsJson.ParsePublicSignals("[\"1\", 2]"), "public signals[1]");
        Fails(() => SnarkjsJson.ParsePublicSignals("[\"-1\"]"), "below the scalar field modulus");
        Fails(() => SnarkjsJson.ParsePublicSignals("[\"1.5\"]"), "public signals[0]");
        Fails(() => SnarkjsJson.ParsePublicSignals("{}"), "expected a JSON array");
        Fails(() => SnarkjsJson.ParsePublicSignals("[\"1\""), "malformed JSON");
        Assert.Empty(SnarkjsJson.ParsePublicSignals("[]"));
    }

    [Fact]
    public void Proof_json_errors_name_the_field()
    {
        var good = JsonNode.Parse(SnarkjsJson.WriteProof(DoraProof()))!.AsObject();
        JsonObject With(string key, JsonNode? value)
        {
            var o = JsonNode.Parse(good.ToJsonString())!.AsObject();
            if (value is null) o.Remove(key); else o[key] = value;
            return o;
        }
        Fails(() => SnarkjsJson.ParseProof(With("pi_c", null).ToJsonString()), "missing 'pi_c'");
        Fails(() => SnarkjsJson.ParseProof(With("protocol", "plonk").ToJsonString()), "protocol must be");
        Fails(() => SnarkjsJson.ParseProof(With("curve", "bls12381").ToJsonString()), "curve must be");
        Fails(() => SnarkjsJson.ParseProof(With("pi_a", new JsonArray("1")).ToJsonString()), "pi_a");
        Fails(() => SnarkjsJson.ParseProof(With("pi_a", new JsonArray("1", "3", "1")).ToJsonString()), "not on the curve");
        Fails(() => SnarkjsJson.ParseProof(With("pi_a", new JsonArray(P, "2", "1")).ToJsonString()), "below the base field modulus");
        Fails(() => SnarkjsJson.ParseProof(With("pi_a", new JsonArray(1, 2, 1)).ToJsonString()), "must be a decimal string");
        Fails(() => SnarkjsJson.ParseProof(With("pi_b", new JsonArray(new JsonArray("1"), new JsonArray("1", "0"))).ToJsonString()), "pair");
        var outside = DecodingErrorTests.FindTwistPointOutsideG2();
        var outsideJson = JsonNode.Parse(SnarkjsJson.WriteProof(new Proof(G1Affine.Generator, G2Affine.Generator, G1Affine.Generator)))!["pi_b"]!;
        outsideJson[0]![0] = outside.X.C0.ToString(); outsideJson[0]![1] = outside.X.C1.ToString();
        outsideJson[1]![0] = outside.Y.C0.ToString(); outsideJson[1]![1] = outside.Y.C1.ToString();
        Fails(() => SnarkjsJson.ParseProof(With("pi_b", outsideJson.DeepClone()).ToJsonString()), "subgroup");
        Fails(() => SnarkjsJson.ParseProof("not json"), "malformed JSON");
        Fails(() => SnarkjsJson.ParseProof("[]"), "expected a JSON object");
        // Infinity in snarkjs form: z = 0.
        var inf = SnarkjsJson.ParseProof(With("pi_c", new JsonArray("0", "1", "0")).ToJsonString());
        Assert.True(inf.C.IsInfinity);
    }

    [Fact]
    public void Key_json_errors_name_the_field()
    {
        var good = JsonNode.Parse(SnarkjsJson.WriteVerifyingKey(DoraKey()))!.AsObject();
        JsonObject With(string key, JsonNode? value)
        {
            var o = JsonNode.Parse(good.ToJsonString())!.AsObject();
            if (value is null) o.Remove(key); else o[key] = value;
            return o;
        }
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("nPublic", 2).ToJsonString()), "nPublic is 2 but IC has 2 points");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("nPublic", "1").ToJsonString()), "nPublic");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("IC", new JsonArray()).ToJsonString()), "nPublic is 1 but IC has 0");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("IC", null).ToJsonString()), "missing 'IC'");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("vk_delta_2", null).ToJsonString()), "missing 'vk_delta_2'");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("vk_alpha_1", new JsonArray("1", "1", "1")).ToJsonString()), "vk_alpha_1");
        var ic = JsonNode.Parse(good["IC"]!.ToJsonString())!.AsArray();
        ic[1] = new JsonArray("5", "5", "1");
        Fails(() => SnarkjsJson.ParseVerifyingKey(With("IC", ic).ToJsonString()), "IC[1]");
        var noNPublic = With("nPublic", null);
        Assert.Equal(1, SnarkjsJson.ParseVerifyingKey(noNPublic.ToJsonString()).PublicInputCount);
    }
}
