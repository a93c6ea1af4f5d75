namespace Maci.Node.Rpc;

/// <summary>A JSON-RPC error with CometBFT's code, message and data.</summary>
public sealed class RpcException(int code, string rpcMessage, string data) : Exception($"{rpcMessage}: {data}")
{
    public const int ParseErrorCode = -32700;
    public const int InvalidRequestCode = -32600;
    public const int MethodNotFoundCode = -32601;
    public const int InvalidParamsCode = -32602;
    public const int InternalErrorCode = -32603;
    public const int ServerErrorCode = -32000;

    public int Code { get; } = code;

    public string RpcMessage { get; } = rpcMessage;

    public string ErrorData { get; } = data;

    public static RpcException ParseError(string data) => new(ParseErrorCode, "Parse error. Invalid JSON", data);

    public static RpcException InvalidRequest(string data) => new(InvalidRequestCode, "Invalid Request", data);

    public static RpcException MethodNotFound() => new(MethodNotFoundCode, "Method not found", "");

    public static RpcException InvalidParams(string data) => new(InvalidParamsCode, "Invalid params", data);

    /// <summary>What CometBFT returns when an endpoint's handler fails (bad height, unknown tx, bad query, …).</summary>
    public static RpcException Internal(string data) => new(InternalErrorCode, "Internal error", data);

    public static RpcException Server(string data) => new(ServerErrorCode, "Server error", data);
}
