using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maci.Node.Chain;
using Maci.Node.Rpc;

namespace Maci.Node.Config;

/// <summary>
/// config/genesis.json in CometBFT's genesis document format (genesis_time, chain_id, initial_height,
/// consensus_params, validators, app_hash, app_state). The devnet genesis ships embedded in macid.
/// </summary>
public static class GenesisFile
{
    private const string DevnetResource = "Maci.Node.devnet.json";

    /// <summary>The chain's devnet genesis (genesis/devnet.json), embedded at build time.</summary>
    public static JsonObject LoadDevnetTemplate()
    {
        using var stream = typeof(GenesisFile).Assembly.GetManifestResourceStream(DevnetResource)
                           ?? throw new InvalidOperationException($"embedded resource {DevnetResource} missing");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>The devnet genesis with the chain id, time and single validator of a new node.</summary>
    public static JsonObject CreateDevnet(string chainId, ChainTime genesisTime, ValidatorKey validator, long power, string moniker)
    {
        var doc = LoadDevnetTemplate();
        doc["genesis_time"] = genesisTime.ToRfc3339();
        doc["chain_id"] = chainId;
        doc["validators"] = new JsonArray(new JsonObject
        {
            ["address"] = Convert.ToHexString(validator.Address),
            ["pub_key"] = new JsonObject { ["type"] = "tendermint/PubKeyEd25519", ["value"] = Convert.ToBase64String(validator.PubKey) },
            ["power"] = power.ToString(CultureInfo.InvariantCulture),
            ["name"] = moniker,
        });
        return doc;
    }

    public static void Save(string path, JsonObject doc) =>
        File.WriteAllText(path, doc.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    public static GenesisInfo Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException or IOException or OverflowException)
        {
            throw new NodeConfigException($"{path}: invalid genesis: {e.Message}", e);
        }
    }

    public static GenesisInfo Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("empty genesis");
        var chainId = (string?)root["chain_id"];
        if (string.IsNullOrEmpty(chainId)) throw new FormatException("chain_id missing");
        var time = ChainTime.ParseRfc3339((string?)root["genesis_time"] ?? throw new FormatException("genesis_time missing"));
        var initialHeight = Int(root["initial_height"], 1);
        if (initialHeight < 1) throw new FormatException("initial_height must be ≥ 1");
        var cp = root["consensus_params"];
        var d = new ConsensusParams();
        var pubKeyTypes = cp?["validator"]?["pub_key_types"]?.AsArray().Select(n => (string)n!).ToArray();
        var consensus = new ConsensusParams(
            Int(cp?["block"]?["max_bytes"], d.BlockMaxBytes),
            Int(cp?["block"]?["max_gas"], d.BlockMaxGas),
            Int(cp?["evidence"]?["max_age_num_blocks"], d.EvidenceMaxAgeNumBlocks),
            Int(cp?["evidence"]?["max_age_duration"], d.EvidenceMaxAgeDurationNs),
            Int(cp?["evidence"]?["max_bytes"], d.EvidenceMaxBytes),
            pubKeyTypes,
            (ulong)Int(cp?["version"]?["app"], 0),
            Int(cp?["abci"]?["vote_extensions_enable_height"], 0));
        var validators = new List<GenesisValidator>();
        if (root["validators"] is JsonArray vs)
            foreach (var v in vs)
            {
                var pubType = (string?)v?["pub_key"]?["type"];
                if (pubType != "tendermint/PubKeyEd25519") throw new FormatException($"validator pub_key type '{pubType}' is not supported");
                var pub = Convert.FromBase64String((string?)v!["pub_key"]!["value"] ?? "");
                if (pub.Length != 32) throw new FormatException("validator ed25519 pub_key must be 32 bytes");
                var address = System.Security.Cryptography.SHA256.HashData(pub)[..20];
                validators.Add(new GenesisValidator(address, pub, Int(v["power"], 0), (string?)v["name"] ?? ""));
            }
        var appHashText = (string?)root["app_hash"] ?? "";
        var appState = root["app_state"]?.ToJsonString() ?? "{}";
        return new GenesisInfo(time, chainId, initialHeight, consensus, validators, Convert.FromHexString(appHashText), appState);
    }

    private static long Int(JsonNode? node, long fallback) => node switch
    {
        null => fallback,
        JsonValue v when v.TryGetValue<string>(out var s) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        _ => throw new FormatException($"expected an integer, got {node.ToJsonString()}"),
    };
}
