using System.Text.Json;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// Strict readers for snarkjs files: verification_key.json, proof.json and public.json. Numbers are decimal strings;
/// G1 = [x, y, z], G2 = [[x.c0, x.c1], [y.c0, y.c1], [z.c0, z.c1]] (real part first) in Jacobian coordinates (z = 1 for
/// affine output, z = 0 for infinity). Every failure is a <see cref="Groth16FormatException"/> naming the field.
/// </summary>
public static partial class SnarkjsJson
{
    public static VerifyingKey ParseVerifyingKey(string json) => WithDocument(json, "verification key", ParseVerifyingKey);

    public static Proof ParseProof(string json) => WithDocument(json, "proof", ParseProof);

    public static Fr[] ParsePublicSignals(string json) => WithDocument(json, "public signals", ParsePublicSignals);

    public static VerifyingKey ParseVerifyingKey(JsonElement root)
    {
        RequireObject(root, "verification key");
        CheckProtocolAndCurve(root, "verification key");
        var ic = Property(root, "IC", "verification key");
        if (ic.ValueKind != JsonValueKind.Array) throw new Groth16FormatException("verification key: 'IC' must be an array");
        var icPoints = ic.EnumerateArray().Select((e, i) => G1(e, $"IC[{i}]")).ToArray();
        if (root.TryGetProperty("nPublic", out var nPublic))
        {
            if (nPublic.ValueKind != JsonValueKind.Number || !nPublic.TryGetInt32(out int n) || n < 0)
                throw new Groth16FormatException("verification key: 'nPublic' must be a non-negative integer");
            if (n + 1 != icPoints.Length)
                throw new Groth16FormatException($"verification key: nPublic is {n} but IC has {icPoints.Length} points (expected {n + 1})");
        }
        return new VerifyingKey(
            G1(Property(root, "vk_alpha_1", "verification key"), "vk_alpha_1"),
            G2(Property(root, "vk_beta_2", "verification key"), "vk_beta_2"),
            G2(Property(root, "vk_gamma_2", "verification key"), "vk_gamma_2"),
            G2(Property(root, "vk_delta_2", "verification key"), "vk_delta_2"),
            icPoints);
    }

    public static Proof ParseProof(JsonElement root)
    {
        RequireObject(root, "proof");
        CheckProtocolAndCurve(root, "proof");
        return new Proof(
            G1(Property(root, "pi_a", "proof"), "pi_a"),
            G2(Property(root, "pi_b", "proof"), "pi_b"),
            G1(Property(root, "pi_c", "proof"), "pi_c"));
    }

    /// <summary>Reads public.json: an array of decimal strings, each strictly below r.</summary>
    public static Fr[] ParsePublicSignals(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array) throw new Groth16FormatException("public signals: expected a JSON array");
        var result = new Fr[root.GetArrayLength()];
        int i = 0;
        foreach (var e in root.EnumerateArray())
        {
            var s = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            if (!Fr.TryParse(s, out result[i]))
                throw new Groth16FormatException($"public signals[{i}]: expected a decimal string below the scalar field modulus r");
            i++;
        }
        return result;
    }

    private static T WithDocument<T>(string json, string what, Func<JsonElement, T> parse)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new Groth16FormatException($"{what}: malformed JSON: {e.Message}", e);
        }
        using (doc) return parse(doc.RootElement);
    }

    private static void RequireObject(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new Groth16FormatException($"{what}: expected a JSON object");
    }

    private static void CheckProtocolAndCurve(JsonElement root, string what)
    {
        if (root.TryGetProperty("protocol", out var protocol) && !(protocol.ValueKind == JsonValueKind.String && protocol.GetString() == "groth16"))
            throw new Groth16FormatException($"{what}: protocol must be \"groth16\"");
        if (root.TryGetProperty("curve", out var curve) && !(curve.ValueKind == JsonValueKind.String && curve.GetString() is "bn128" or "bn254"))
            throw new Groth16FormatException($"{what}: curve must be \"bn128\"");
    }

    private static JsonElement Property(JsonElement obj, string name, string what) =>
        obj.TryGetProperty(name, out var v) ? v : throw new Groth16FormatException($"{what}: missing '{name}'");
}
