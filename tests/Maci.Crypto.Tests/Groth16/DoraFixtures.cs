using System.Text.Json;
using Maci.Crypto.Bn254;
using Maci.Crypto.Groth16;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Groth16;

/// <summary>Reads the Dora aMACI/MACI fixtures: EVM-hex keys and the proofs of a full 2-1-1-5 round.</summary>
internal static class DoraFixtures
{
    public sealed record ProofCase(string Type, string A, string B, string C, string[] Inputs, JsonElement Data);

    /// <summary>The MACI round's proofs were made for the keys in this file, not for dora-maci/vkeys.json (fixtures README).</summary>
    public const string MaciRoundKeys = "vkeys-2e16364.json";

    public static VerifyingKey Key(string protocol, string size, string circuit, string file = "vkeys.json")
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(protocol, file)));
        var k = doc.RootElement.GetProperty(size).GetProperty(circuit);
        return VerifyingKeyJson.FromEvmHexObject(k);
    }

    public static JsonElement KeyJson(string protocol, string size, string circuit)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(protocol, "vkeys.json")));
        return doc.RootElement.GetProperty(size).GetProperty(circuit).Clone();
    }

    public static List<ProofCase> Proofs(string protocol)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(protocol, "round-2-1-1-5.json")));
        var list = new List<ProofCase>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var data = e.GetProperty("data");
            if (!data.TryGetProperty("proof", out var proof)) continue;
            list.Add(new ProofCase(
                e.GetProperty("type").GetString()!,
                proof.GetProperty("pi_a").GetString()!,
                proof.GetProperty("pi_b").GetString()!,
                proof.GetProperty("pi_c").GetString()!,
                e.GetProperty("inputs").EnumerateArray().Select(x => x.GetString()!).ToArray(),
                data.Clone()));
        }
        return list;
    }

    public static Fr[] Words(IEnumerable<string> decimals) => decimals.Select(Fr.Parse).ToArray();

    /// <summary>
    /// The words the contract hashes. They equal the generator's <c>inputs</c> except for add-new-key, where the
    /// contract appends H2(newPubKey.x, newPubKey.y) (Poseidon, computed with circomlibjs) and the poll id (1).
    /// </summary>
    public static async Task<Fr[]> ContractWordsAsync(ProofCase c)
    {
        var words = Words(c.Inputs);
        if (c.Type != "proofAddNewKey") return words;
        var h2 = await NewPubKeyHash.Value;
        return [.. words, h2, Fr.One];
    }

    // One node run per test process: the value is a pure function of the fixture.
    private static readonly Lazy<Task<Fr>> NewPubKeyHash = new(() =>
    {
        var c = Proofs("dora-amaci").Single(p => p.Type == "proofAddNewKey");
        return PoseidonAsync(c.Data.GetProperty("pubKey").EnumerateArray().Select(x => x.GetString()!).ToArray());
    });

    public static async Task<Fr> PoseidonAsync(string[] inputs)
    {
        var stdout = await NodeJs.RunCheckedAsync("groth16/poseidon.mjs", stdin: JsonSerializer.Serialize(new[] { inputs }));
        return Fr.Parse(JsonSerializer.Deserialize<string[]>(stdout)!.Single());
    }
}
