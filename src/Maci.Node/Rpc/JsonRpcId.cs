using System.Text.Json;

namespace Maci.Node.Rpc;

/// <summary>A request id as sent (number or string), echoed back verbatim; absent for notifications.</summary>
public readonly record struct JsonRpcId(string? RawJson)
{
    /// <summary>The id CometBFT uses for URI (GET) requests.</summary>
    public static JsonRpcId Uri { get; } = new("-1");

    public bool IsNotification => RawJson is null;

    public void WriteTo(Utf8JsonWriter w)
    {
        if (RawJson is null) return;
        w.WritePropertyName("id");
        w.WriteRawValue(RawJson);
    }

    public static JsonRpcId From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number or JsonValueKind.String => new JsonRpcId(element.GetRawText()),
        JsonValueKind.Null or JsonValueKind.Undefined => new JsonRpcId(null),
        _ => throw RpcException.InvalidRequest($"invalid id type {element.ValueKind}: want a number or a string"),
    };
}
