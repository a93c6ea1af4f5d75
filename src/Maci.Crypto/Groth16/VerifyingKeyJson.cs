using System.Text.Json;

namespace Maci.Crypto.Groth16;

/// <summary>
/// Reads a verifying key from a JSON object of EVM hex strings, the form Dora's contracts expose
/// (<c>vk_alpha1, vk_beta_2, vk_gamma_2, vk_delta_2, vk_ic0, vk_ic1, …</c>).
/// </summary>
public static class VerifyingKeyJson
{
    public static VerifyingKey FromEvmHexObject(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object) throw new Groth16FormatException("verifying key: expected a JSON object");
        var ic = new List<string>();
        for (int i = 0; obj.TryGetProperty($"vk_ic{i}", out var e); i++)
            ic.Add(Str(e, $"vk_ic{i}"));
        return VerifyingKey.FromEvmHex(
            Str(Get(obj, "vk_alpha1"), "vk_alpha1"),
            Str(Get(obj, "vk_beta_2"), "vk_beta_2"),
            Str(Get(obj, "vk_gamma_2"), "vk_gamma_2"),
            Str(Get(obj, "vk_delta_2"), "vk_delta_2"),
            ic);
    }

    public static VerifyingKey FromEvmHexObject(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return FromEvmHexObject(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new Groth16FormatException("verifying key: malformed JSON: " + e.Message, e);
        }
    }

    private static JsonElement Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) ? v : throw new Groth16FormatException($"verifying key: missing '{name}'");

    private static string Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new Groth16FormatException($"verifying key: '{name}' must be a string");
}
