using System.Text.Json;

namespace Maci.Node.Rpc;

/// <summary>One JSON-RPC 2.0 call: id, method and its (still untyped) params.</summary>
public sealed record JsonRpcRequest(JsonRpcId Id, string Method, JsonElement? Params)
{
    /// <summary>
    /// Parses a POST body: one request object or a batch array. Throws <see cref="RpcException"/>
    /// (parse error / invalid request) for malformed input.
    /// </summary>
    public static IReadOnlyList<JsonRpcRequest> ParseBody(ReadOnlySpan<byte> body, out bool isBatch)
    {
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(body);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw RpcException.ParseError("error unmarshaling request: " + e.Message);
        }
        using (doc)
        {
            var root = doc.RootElement;
            isBatch = root.ValueKind == JsonValueKind.Array;
            if (isBatch)
            {
                var list = new List<JsonRpcRequest>();
                foreach (var item in root.EnumerateArray()) list.Add(FromElement(item));
                if (list.Count == 0) throw RpcException.InvalidRequest("empty batch");
                return list;
            }
            return [FromElement(root)];
        }
    }

    private static JsonRpcRequest FromElement(JsonElement el)
    {
        if (el.ValueKind != JsonValueKind.Object) throw RpcException.ParseError("error unmarshaling request: not an object");
        var id = el.TryGetProperty("id", out var idEl) ? JsonRpcId.From(idEl) : new JsonRpcId(null);
        if (!el.TryGetProperty("jsonrpc", out var v) || v.ValueKind != JsonValueKind.String || v.GetString() != "2.0")
            if (!id.IsNotification)
                throw RpcException.InvalidRequest("jsonrpc must be \"2.0\"");
        var method = el.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
        JsonElement? ps = el.TryGetProperty("params", out var p) ? p.Clone() : null;
        return new JsonRpcRequest(id, method, ps);
    }
}
