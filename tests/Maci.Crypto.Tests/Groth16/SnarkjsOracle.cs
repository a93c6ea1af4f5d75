using System.Text;
using System.Text.Json;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>Asks snarkjs (tests/js/groth16/verify.mjs) for its verdicts, all cases in one node process.</summary>
internal static class SnarkjsOracle
{
    public sealed record Case(VerifyingKey Vk, Proof Proof, Fr[] PublicSignals);

    public static async Task<bool[]> VerifyAsync(IReadOnlyList<Case> cases)
    {
        var sb = new StringBuilder("{\"cases\":[");
        for (int i = 0; i < cases.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append("{\"vk\":").Append(SnarkjsJson.WriteVerifyingKey(cases[i].Vk))
              .Append(",\"proof\":").Append(SnarkjsJson.WriteProof(cases[i].Proof))
              .Append(",\"publicSignals\":").Append(SnarkjsJson.WritePublicSignals(cases[i].PublicSignals)).Append('}');
        }
        sb.Append("]}");
        var stdout = await NodeJs.RunCheckedAsync("groth16/verify.mjs", stdin: sb.ToString(), timeout: TimeSpan.FromMinutes(2));
        using var doc = JsonDocument.Parse(stdout);
        return doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
    }
}
