using System.Text.Json;
using Maci.Crypto.Groth16;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Cli;

/// <summary>
/// Reads a Groth16 proof for the proof-gated round txs: snarkjs proof.json (pi_a/pi_b/pi_c as decimal coordinates),
/// the EVM hex layout as JSON ({a, b, c} or pi_a/pi_b/pi_c hex strings, Dora's form), or the 256 bytes A‖B‖C as one
/// hex string. The points are checked here, so a malformed proof never reaches the chain.
/// </summary>
public static class ProofFile
{
    public static Groth16Proof Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read proof file '{path}': {e.Message}");
        }
        try
        {
            return ToWire(Parse(text));
        }
        catch (Exception e) when (e is Groth16FormatException or JsonException or FormatException)
        {
            throw new CliException($"invalid proof file '{path}': {e.Message}");
        }
    }

    public static Proof Parse(string text)
    {
        if (!text.StartsWith('{'))
        {
            var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
            if (hex.Length != 512 || !hex.All(char.IsAsciiHexDigit))
                throw new FormatException("expected snarkjs proof.json, an EVM {a, b, c} JSON object or 512 hex characters");
            return Proof.FromEvmBytes(Convert.FromHexString(hex));
        }
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        if (root.TryGetProperty("pi_a", out var piA) && piA.ValueKind == JsonValueKind.Array) return SnarkjsJson.ParseProof(root);
        string Hex(string name, string alt) =>
            (root.TryGetProperty(name, out var v) || root.TryGetProperty(alt, out v)) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new FormatException($"missing \"{name}\" (hex string)");
        return Proof.FromEvmHex(Hex("a", "pi_a"), Hex("b", "pi_b"), Hex("c", "pi_c"));
    }

    public static Groth16Proof ToWire(Proof p) =>
        new() { A = EvmEncoding.EncodeG1Hex(p.A), B = EvmEncoding.EncodeG2Hex(p.B), C = EvmEncoding.EncodeG1Hex(p.C) };
}
