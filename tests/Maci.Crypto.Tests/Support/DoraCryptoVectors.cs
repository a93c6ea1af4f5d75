using System.Text.Json;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Support;

/// <summary>Loads tests/fixtures/dora-crypto/*.json: arrays of {name, description, vector_type|test_type, data}.</summary>
internal static class DoraCryptoVectors
{
    public sealed record Vector(string Name, string Kind, JsonElement Data)
    {
        public override string ToString() => Name;
    }

    public static IReadOnlyList<Vector> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("dora-crypto", file)));
        return doc.RootElement.EnumerateArray().Select(e => new Vector(
            e.GetProperty("name").GetString()!,
            (e.TryGetProperty("vector_type", out var vt) ? vt : e.GetProperty("test_type")).GetString()!,
            e.GetProperty("data").Clone())).ToList();
    }

    public static IEnumerable<Vector> OfKind(string file, string kind) => Load(file).Where(v => v.Kind == kind);

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}

/// <summary>Reads points and numbers out of fixture JSON.</summary>
internal static class FixtureJson
{
    public static Maci.Crypto.BabyJubjub.BabyJubjubPoint Point(this JsonElement e) =>
        new(Num.F(e.Str("x")), Num.F(e.Str("y")));

    public static Maci.Crypto.BabyJubjub.BabyJubjubPoint Point(this JsonElement e, string property) => e.GetProperty(property).Point();

    public static Maci.Crypto.Bn254.Fr Field(this JsonElement e, string property) => Num.F(e.Str(property));

    public static System.Numerics.BigInteger Big(this JsonElement e, string property) => Num.Big(e.Str(property));
}
