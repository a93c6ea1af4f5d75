using System.Text.Json.Nodes;
using Maci.Node.Chain;

namespace Maci.Node.Config;

/// <summary>
/// config/validator_key.json in CometBFT's priv_validator_key.json shape (address, pub_key, priv_key with the
/// 64-byte seed‖public key), so the same file can be handed to a CometBFT node.
/// </summary>
public static class ValidatorKeyFile
{
    public static ValidatorKey Load(string path)
    {
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path)) ?? throw new FormatException("empty file");
            var type = (string?)root["priv_key"]?["type"];
            if (type != "tendermint/PrivKeyEd25519") throw new FormatException($"unsupported priv_key type '{type}'");
            var priv = Convert.FromBase64String((string?)root["priv_key"]?["value"] ?? throw new FormatException("priv_key.value missing"));
            if (priv.Length != 64) throw new FormatException($"priv_key.value is {priv.Length} bytes, expected 64");
            var key = new ValidatorKey(priv.AsSpan(0, 32));
            if (!key.PubKey.AsSpan().SequenceEqual(priv.AsSpan(32)))
                throw new FormatException("priv_key does not match its embedded public key");
            return key;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or IOException or InvalidOperationException)
        {
            throw new NodeConfigException($"{path}: invalid validator key: {e.Message}", e);
        }
    }

    public static void Save(string path, ValidatorKey key, ReadOnlySpan<byte> seed)
    {
        var priv = new byte[64];
        seed.CopyTo(priv);
        key.PubKey.CopyTo(priv, 32);
        var doc = new JsonObject
        {
            ["address"] = Convert.ToHexString(key.Address),
            ["pub_key"] = new JsonObject { ["type"] = "tendermint/PubKeyEd25519", ["value"] = Convert.ToBase64String(key.PubKey) },
            ["priv_key"] = new JsonObject { ["type"] = "tendermint/PrivKeyEd25519", ["value"] = Convert.ToBase64String(priv) },
        };
        File.WriteAllText(path, doc.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
