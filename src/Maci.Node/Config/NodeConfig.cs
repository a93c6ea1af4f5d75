using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maci.Node.Config;

/// <summary>config/config.json: node-local settings (not consensus). Command-line flags override them.</summary>
public sealed record NodeConfig
{
    [JsonPropertyName("moniker")] public string Moniker { get; init; } = "maci-node";
    [JsonPropertyName("rpc_listen")] public string RpcListen { get; init; } = "127.0.0.1:26657";
    [JsonPropertyName("grpc_listen")] public string GrpcListen { get; init; } = "127.0.0.1:9090";

    /// <summary>Where GET /metrics is served; empty disables the metrics listener.</summary>
    [JsonPropertyName("metrics_listen")] public string MetricsListen { get; init; } = "127.0.0.1:26660";

    /// <summary>Time between blocks (CometBFT timeout_commit), e.g. "1s", "500ms".</summary>
    [JsonPropertyName("block_interval")] public string BlockInterval { get; init; } = "1s";
    [JsonPropertyName("log_level")] public string LogLevel { get; init; } = "Information";
    [JsonPropertyName("mempool_size")] public int MempoolSize { get; init; } = 50000;
    [JsonPropertyName("min_gas_price")] public string MinGasPrice { get; init; } = "0.0025umaci";

    public static NodeConfig Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), NodeConfigJsonContext.Default.NodeConfig)
                   ?? throw new NodeConfigException($"{path}: empty config");
        }
        catch (JsonException e)
        {
            throw new NodeConfigException($"{path}: invalid JSON: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new NodeConfigException($"{path}: {e.Message}", e);
        }
    }

    public void Save(string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(this, NodeConfigJsonContext.Default.NodeConfig) + "\n");
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(NodeConfig))]
internal sealed partial class NodeConfigJsonContext : JsonSerializerContext;
