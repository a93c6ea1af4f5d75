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
