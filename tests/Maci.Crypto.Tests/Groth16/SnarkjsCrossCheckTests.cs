using System.Text.Json;
using System.Text.Json.Nodes;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>
/// End to end against snarkjs: compile a tiny circuit with circom2, run a small powers-of-tau and Groth16 setup,
/// prove, then verify snarkjs's own files with the C# verifier (and tampered copies with both).
/// </summary>
public sealed class SnarkjsCrossCheckTests
{
    [Fact]
    public async Task Csharp_verifier_accepts_snarkjs_proofs_and_rejects_tampered_ones()
    {
        var relative = Path.Combine("groth16", ".work", Guid.NewGuid().ToString("n"));
        var dir = Path.Combine(RepoPaths.JsDir, relative);
        try
        {
            var stdout = await NodeJs.RunCheckedAsync("groth16/make-proof.mjs", [relative], timeout: TimeSpan.FromMinutes(3));
            using (var status = JsonDocument.Parse(stdout))
                Assert.True(status.RootElement.GetProperty("jsVerify").GetBoolean());

            var vkJson = File.ReadAllText(Path.Combine(dir, "verification_key.json"));
            var proofJson = File.ReadAllText(Path.Combine(dir, "proof.json"));
            var publicJson = File.ReadAllText(Path.Combine(dir, "public.json"));
            var vk = SnarkjsJson.ParseVerifyingKey(vkJson);
            var proof = SnarkjsJson.ParseProof(proofJson);
            var inputs = SnarkjsJson.ParsePublicSignals(publicJson);

            Assert.Equal(4, inputs.Length);
            Assert.Equal(4, vk.PublicInputCount);
            Assert.False(vk.HasGammaEqualDelta);
            Assert.Equal(Fr.FromUInt64(11 * 11 * 3 + 5 * 7), inputs[0]);
            Assert.True(Groth16Verifier.Verify(vk, proof, inputs));

            // The C# writers round-trip snarkjs's files.
            Assert.Equal(proof, SnarkjsJson.ParseProof(SnarkjsJson.WriteProof(proof)));
            Assert.Equal(vk.IC.ToArray(), SnarkjsJson.ParseVerifyingKey(SnarkjsJson.WriteVerifyingKey(vk)).IC.ToArray());

            // A Jacobian third coordinate (z = 2) denotes the same point.
            var a = JsonNode.Parse(proofJson)!.AsObject();
            var z = Fp.FromUInt64(2);
            a["pi_a"] = new JsonArray((proof.A.X * z * z).ToString(), (proof.A.Y * z * z * z).ToString(), "2");
            Assert.Equal(proof, SnarkjsJson.ParseProof(a.ToJsonString()));

            var wrongInput = (Fr[])inputs.Clone();
            wrongInput[1] += Fr.One;
            var swapped = new[] { inputs[0], inputs[2], inputs[1], inputs[3] };
            var negC = new Proof(proof.A, proof.B, -proof.C);
            var otherA = new Proof(proof.C, proof.B, proof.C);
            var cases = new List<SnarkjsOracle.Case>
            {
                new(vk, proof, inputs), new(vk, proof, wrongInput), new(vk, proof, swapped), new(vk, negC, inputs), new(vk, otherA, inputs),
            };
            var js = await SnarkjsOracle.VerifyAsync(cases);
            var cs = cases.Select(c => Groth16Verifier.Verify(c.Vk, c.Proof, c.PublicSignals)).ToArray();
            Assert.Equal([true, false, false, false, false], js);
            Assert.Equal(js, cs);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
