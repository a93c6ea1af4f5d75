using Maci.Grpc;
using Maci.Node.Hosting;

namespace Maci.Node.Services;

/// <summary>
/// The node's gRPC surface. Later modules (insurance, rounds) add their Query services here with
/// <see cref="AbciQueryRoutes.AddAbciQuery{TRequest,TResponse}"/> (their generated types, their method names);
/// their Msg services are reached by broadcasting txs through cosmos.tx.v1beta1.Service.
/// </summary>
public static class NodeGrpcServices
{
    public static GrpcServiceRegistry CreateRegistry(NodeHost host) =>
        new GrpcServiceRegistry()
            .Add(new TxGrpcService(host.Backend))
            .Add(new QueryGrpcServices(host.Backend))
            .Add(new InsuranceGrpcService(host.Backend))
            .Add(new RoundsGrpcService(host.Backend))
            .Add(new NodeStreamService(host.Backend));
}
