namespace Maci.Grpc;

/// <summary>
/// A gRPC service implementation that registers its own methods (one hand-written Register per proto service,
/// so that no reflection is needed).
/// </summary>
public interface IGrpcService
{
    void Register(GrpcServiceRegistry registry);
}
