namespace Maci.TestSupport;

/// <summary>A gRPC call that ended with a non-OK status (<see cref="Status"/> = the grpc-status code, −1 = no valid gRPC answer).</summary>
public sealed class GrpcCallException(int status, string detail) : Exception($"gRPC status {status}: {detail}")
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
}
