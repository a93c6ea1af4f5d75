namespace Maci.Grpc;

/// <summary>
/// Thrown by a handler (or by the runtime) to end a call with a given status. The message is sent to the client
/// as grpc-message; it may contain any Unicode text (it is percent-encoded on the wire).
/// </summary>
public sealed class GrpcException : Exception
{
    public GrpcException(StatusCode statusCode, string message) : base(message)
    {
        if (statusCode == StatusCode.OK)
            throw new ArgumentException("a GrpcException cannot carry the OK status", nameof(statusCode));
        StatusCode = statusCode;
    }

    public StatusCode StatusCode { get; }

    public override string ToString() => $"gRPC status {StatusCode} ({(int)StatusCode}): {Message}";
}
