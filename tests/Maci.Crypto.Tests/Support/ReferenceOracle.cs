using System.Text.Json;
using System.Text.Json.Nodes;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Support;

/// <summary>
/// Runs tests/js/crypto/reference.cjs (circomlibjs, @zk-kit/*, blake-hash) once per batch: the operations go in as
/// a JSON array on stdin and the results come back in the same order.
/// </summary>
internal static class ReferenceOracle
{
    public static async Task<JsonNode?[]> RunAsync(IReadOnlyList<JsonObject> operations)
    {
        var input = new JsonArray(operations.Select(o => (JsonNode)o.DeepClone()).ToArray());
        var stdout = await NodeJs.RunCheckedAsync("crypto/reference.cjs", stdin: input.ToJsonString(), timeout: TimeSpan.FromMinutes(2));
        var results = JsonNode.Parse(stdout)?.AsArray() ?? throw new InvalidOperationException("oracle returned no array");
        if (results.Count != operations.Count)
            throw new InvalidOperationException($"oracle returned {results.Count} results for {operations.Count} operations");
        return results.ToArray();
    }

    public static JsonObject Op(string name, params (string Key, JsonNode? Value)[] args)
    {
        var o = new JsonObject { ["op"] = name };
        foreach (var (k, v) in args) o[k] = v;
        return o;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());

    public static string[] StringArray(JsonNode? node) =>
        node?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? throw new InvalidOperationException("expected an array");

    public static bool IsError(JsonNode? node) => node is JsonObject o && o.ContainsKey("error");

    public static string Describe(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
