using Maci.Grpc;
using Maci.Node.Rpc;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Node.Services;

/// <summary>maci.insurance.v1.Query, routed to the insurance module's query handlers (its Msgs go through BroadcastTx).</summary>
public sealed class InsuranceGrpcService(IChainBackend backend) : IGrpcService
{
    public void Register(GrpcServiceRegistry registry)
    {
        const string q = "maci.insurance.v1.Query";
        registry.AddAbciQuery(backend, $"{q}/Params", QueryParamsRequest.Parser, QueryParamsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Operator", QueryOperatorRequest.Parser, QueryOperatorResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/OperatorByPubKey", QueryOperatorByPubKeyRequest.Parser, QueryOperatorByPubKeyResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Operators", QueryOperatorsRequest.Parser, QueryOperatorsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Policy", QueryPolicyRequest.Parser, QueryPolicyResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Policies", QueryPoliciesRequest.Parser, QueryPoliciesResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Unbondings", QueryUnbondingsRequest.Parser, QueryUnbondingsResponse.Parser);
    }
}
