using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Maci.Node.Cli;

/// <summary>A small CometBFT JSON-RPC client (POST, named params, integers as strings) for the CLI.</summary>
public sealed class NodeRpcClient(string url) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _url = Parse(url);
    private int _id;

    private static Uri Parse(string url) =>
        Uri.TryCreate(url.StartsWith("tcp://", StringComparison.Ordinal) ? "http://" + url[6..] : url, UriKind.Absolute, out var u)
        && u.Scheme is "http" or "https"
            ? u
            : throw new CliException($"invalid --node '{url}' (expected http://host:port)");

    public async Task<JsonNode> CallAsync(string method, JsonObject? parameters = null, CancellationToken ct = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters ?? new JsonObject(),
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(_url, content, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(ct)
                   ?? throw new CliException($"{method}: empty answer from {_url}");
        if (body["error"] is JsonObject error)
            throw new CliException($"{method}: {(string?)error["message"]}{((string?)error["data"] is { Length: > 0 } d ? ": " + d : "")}");
        return body["result"] ?? throw new CliException($"{method}: answer without result");
    }

    /// <summary>abci_query; a non-zero code becomes a <see cref="CliException"/> unless <paramref name="allowCodes"/> lists it.</summary>
    public async Task<(uint Code, string Log, byte[] Value, long Height)> QueryAsync(string path, byte[] data, CancellationToken ct,
        params uint[] allowCodes)
    {
        var result = await CallAsync("abci_query", new JsonObject { ["path"] = path, ["data"] = Convert.ToHexString(data), ["prove"] = false }, ct);
        var r = result["response"]!;
        var code = (uint?)r["code"] ?? 0;
        var log = (string?)r["log"] ?? "";
        if (code != 0 && !allowCodes.Contains(code)) throw new CliException($"query {path} failed with code {code}: {log}");
        var value = (string?)r["value"] is { Length: > 0 } v ? Convert.FromBase64String(v) : [];
        var height = long.TryParse((string?)r["height"], out var h) ? h : 0;
        return (code, log, value, height);
    }

    public void Dispose() => _http.Dispose();
}
