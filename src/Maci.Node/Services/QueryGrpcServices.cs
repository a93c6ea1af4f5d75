using Maci.Grpc;
using Maci.Node.Rpc;
using Auth = Maci.Proto.Cosmos.Auth.V1Beta1;
using Bank = Maci.Proto.Cosmos.Bank.V1Beta1;

namespace Maci.Node.Services;

/// <summary>cosmos.auth.v1beta1.Query and cosmos.bank.v1beta1.Query, routed to the app's query handlers.</summary>
public sealed class QueryGrpcServices(IChainBackend backend) : IGrpcService
{
    public void Register(GrpcServiceRegistry registry)
    {
        const string auth = "cosmos.auth.v1beta1.Query";
        registry.AddAbciQuery(backend, $"{auth}/Account", Auth.QueryAccountRequest.Parser, Auth.QueryAccountResponse.Parser);
        registry.AddAbciQuery(backend, $"{auth}/Params", Auth.QueryParamsRequest.Parser, Auth.QueryParamsResponse.Parser);
        registry.AddAbciQuery(backend, $"{auth}/AccountInfo", Auth.QueryAccountInfoRequest.Parser, Auth.QueryAccountInfoResponse.Parser);
        registry.AddAbciQuery(backend, $"{auth}/ModuleAccountByName", Auth.QueryModuleAccountByNameRequest.Parser,
            Auth.QueryModuleAccountByNameResponse.Parser);

        const string bank = "cosmos.bank.v1beta1.Query";
        registry.AddAbciQuery(backend, $"{bank}/Balance", Bank.QueryBalanceRequest.Parser, Bank.QueryBalanceResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/AllBalances", Bank.QueryAllBalancesRequest.Parser, Bank.QueryAllBalancesResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/SpendableBalances", Bank.QuerySpendableBalancesRequest.Parser,
            Bank.QuerySpendableBalancesResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/TotalSupply", Bank.QueryTotalSupplyRequest.Parser, Bank.QueryTotalSupplyResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/SupplyOf", Bank.QuerySupplyOfRequest.Parser, Bank.QuerySupplyOfResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/Params", Bank.QueryParamsRequest.Parser, Bank.QueryParamsResponse.Parser);
        registry.AddAbciQuery(backend, $"{bank}/DenomMetadata", Bank.QueryDenomMetadataRequest.Parser, Bank.QueryDenomMetadataResponse.Parser);
    }
}
