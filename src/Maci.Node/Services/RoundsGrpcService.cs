using Maci.Grpc;
using Maci.Node.Rpc;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Node.Services;

/// <summary>maci.rounds.v1.Query, routed to the rounds module's query handlers (its Msgs go through BroadcastTx).</summary>
public sealed class RoundsGrpcService(IChainBackend backend) : IGrpcService
{
    public void Register(GrpcServiceRegistry registry)
    {
        const string q = "maci.rounds.v1.Query";
        registry.AddAbciQuery(backend, $"{q}/Params", QueryParamsRequest.Parser, QueryParamsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Round", QueryRoundRequest.Parser, QueryRoundResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Rounds", QueryRoundsRequest.Parser, QueryRoundsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/StateNode", QueryStateNodeRequest.Parser, QueryStateNodeResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/MessageHash", QueryMessageHashRequest.Parser, QueryMessageHashResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/SignUpIndex", QuerySignUpIndexRequest.Parser, QuerySignUpIndexResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/Results", QueryResultsRequest.Parser, QueryResultsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/VerifyingKeys", QueryVerifyingKeysRequest.Parser, QueryVerifyingKeysResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/NextPollId", QueryNextPollIdRequest.Parser, QueryNextPollIdResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/DelayRecords", QueryDelayRecordsRequest.Parser, QueryDelayRecordsResponse.Parser);
        registry.AddAbciQuery(backend, $"{q}/RegistrationStatus", QueryRegistrationStatusRequest.Parser, QueryRegistrationStatusResponse.Parser);
    }
}
