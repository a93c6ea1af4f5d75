namespace Maci.Grpc;

/// <summary>A registered method: knows how to read its request, run its handler and send its response(s).</summary>
internal abstract class GrpcMethod(string fullName)
{
    public string FullName { get; } = fullName;

    public string ServiceName => FullName[..FullName.IndexOf('/')];

    /// <summary>Runs the call up to (not including) the final status; a failure is reported by throwing.</summary>
    public abstract Task RunAsync(GrpcServerCall call, GrpcCallContext context);
}
