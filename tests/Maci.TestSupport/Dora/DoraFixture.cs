using System.Text.Json;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.TestSupport.Dora;

/// <summary>Reads Dora's fixtures (tests/fixtures/dora-*) into the rounds module's protos (maci.rounds.v1).</summary>
public static class DoraFixture
{
    public sealed record Entry(string Type, JsonElement Data, string[] Inputs);

    public static List<Entry> Round(string protocol)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(protocol, "round-2-1-1-5.json")));
        return doc.RootElement.EnumerateArray().Select(e => new Entry(e.GetProperty("type").GetString()!, e.GetProperty("data").Clone(),
            e.TryGetProperty("inputs", out var i) ? Strings(i) : [])).ToList();
    }

    public static CircuitKeys Keys(string protocol, string size, RoundKind kind)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(protocol, "vkeys.json")));
        var k = doc.RootElement.GetProperty(size);
        var parts = size.Split('-').Select(uint.Parse).ToArray();
        var keys = new CircuitKeys
        {
            Kind = kind,
            Size = new CircuitSize { StateTreeDepth = parts[0], IntStateTreeDepth = parts[1], VoteOptionTreeDepth = parts[2], MessageBatchSize = parts[3] },
            Process = Key(k.GetProperty("process")),
            Tally = Key(k.GetProperty("tally")),
        };
        if (kind == RoundKind.Amaci)
        {
            keys.Deactivate = Key(k.GetProperty("deactivate"));
            keys.AddNewKey = Key(k.GetProperty("add_new_key"));
        }
        return keys;
    }

    private static VerifyingKey Key(JsonElement e)
    {
        var vk = new VerifyingKey
        {
            Alpha1 = e.GetProperty("vk_alpha1").GetString()!, Beta2 = e.GetProperty("vk_beta_2").GetString()!,
            Gamma2 = e.GetProperty("vk_gamma_2").GetString()!, Delta2 = e.GetProperty("vk_delta_2").GetString()!,
        };
        vk.Ic.Add(e.GetProperty("vk_ic0").GetString()!);
        vk.Ic.Add(e.GetProperty("vk_ic1").GetString()!);
        return vk;
    }

    public static string[] Strings(JsonElement array) => array.EnumerateArray().Select(x => x.GetString()!).ToArray();

    public static PubKey Point(JsonElement array)
    {
        var s = Strings(array);
        return new PubKey { X = s[0], Y = s[1] };
    }

    public static Message Message(JsonElement array)
    {
        var m = new Message();
        m.Data.AddRange(Strings(array));
        return m;
    }

    public static Groth16Proof Proof(JsonElement data)
    {
        var p = data.GetProperty("proof");
        return new Groth16Proof { A = p.GetProperty("pi_a").GetString()!, B = p.GetProperty("pi_b").GetString()!, C = p.GetProperty("pi_c").GetString()! };
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
