using System.Text.Json;

namespace Maci.Node.Rpc;

/// <summary>Writes JSON-RPC 2.0 response envelopes around pre-rendered results.</summary>
public static class JsonRpcResponse
{
    public static void WriteResult(Utf8JsonWriter w, JsonRpcId id, ReadOnlySpan<byte> resultJson)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        id.WriteTo(w);
        w.WritePropertyName("result");
        w.WriteRawValue(resultJson);
        w.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter w, JsonRpcId id, RpcException error)
    {
        w.WriteStartObject();
        w.WriteString("jsonrpc", "2.0");
        id.WriteTo(w);
        w.WriteStartObject("error");
        w.WriteNumber("code", error.Code);
        w.WriteString("message", error.RpcMessage);
        if (error.ErrorData.Length > 0) w.WriteString("data", error.ErrorData);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static byte[] Result(JsonRpcId id, byte[] resultJson) => CometJson.Render(w => WriteResult(w, id, resultJson));

    public static byte[] Error(JsonRpcId id, RpcException error) => CometJson.Render(w => WriteError(w, id, error));
}
