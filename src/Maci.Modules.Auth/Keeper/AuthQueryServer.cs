using Maci.Modules.Auth.Types;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;

namespace Maci.Modules.Auth.Keeper;

/// <summary>Handlers of <c>cosmos.auth.v1beta1.Query</c>, with SDK/gRPC error text in logs.</summary>
public sealed class AuthQueryServer(AccountKeeper keeper)
{
    public const string AccountPath = "/cosmos.auth.v1beta1.Query/Account";
    public const string ParamsPath = "/cosmos.auth.v1beta1.Query/Params";
    public const string AccountInfoPath = "/cosmos.auth.v1beta1.Query/AccountInfo";
    public const string ModuleAccountByNamePath = "/cosmos.auth.v1beta1.Query/ModuleAccountByName";
    public const string Bech32PrefixPath = "/cosmos.auth.v1beta1.Query/Bech32Prefix";

    public IReadOnlyList<QueryRoute> Routes =>
    [
        QueryRoute.For(AccountPath, QueryAccountRequest.Parser, Account),
        QueryRoute.For(AccountInfoPath, QueryAccountInfoRequest.Parser, AccountInfo),
        QueryRoute.For(ParamsPath, QueryParamsRequest.Parser, (ctx, _) => QueryResult.Ok(new QueryParamsResponse { Params = keeper.GetParams(ctx) })),
        QueryRoute.For(ModuleAccountByNamePath, QueryModuleAccountByNameRequest.Parser, ModuleAccountByName),
        QueryRoute.For(Bech32PrefixPath, Bech32PrefixRequest.Parser, (_, _) => QueryResult.Ok(new Bech32PrefixResponse { Bech32Prefix = keeper.Codec.Prefix })),
    ];

    /// <summary>Not found answers code 22 with the gRPC NotFound text CosmJS looks for.</summary>
    public QueryResult Account(Context ctx, QueryAccountRequest req)
    {
        if (string.IsNullOrEmpty(req.Address))
            return SdkErrors.InvalidRequest.Wrap("rpc error: code = InvalidArgument desc = Address cannot be empty");
        if (keeper.Codec.TryDecode(req.Address, out var raw) is { } err)
            return SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {err.Log}");
        var any = keeper.GetAccountAny(ctx, raw);
        if (any is null)
            return SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = account {req.Address} not found");
        return QueryResult.Ok(new QueryAccountResponse { Account = any });
    }

    public QueryResult AccountInfo(Context ctx, QueryAccountInfoRequest req)
    {
        if (keeper.Codec.TryDecode(req.Address, out var raw) is { } err)
            return SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {err.Log}");
        var account = keeper.GetAccount(ctx, raw);
        if (account is null)
            return SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = account {req.Address} not found");
        return QueryResult.Ok(new QueryAccountInfoResponse { Info = account });
    }

    public QueryResult ModuleAccountByName(Context ctx, QueryModuleAccountByNameRequest req)
    {
        var any = keeper.GetAccountAny(ctx, keeper.ModuleAddress(req.Name));
        if (any?.TypeUrl != AccountKeeper.ModuleAccountTypeUrl)
            return SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = account {req.Name} not found");
        return QueryResult.Ok(new QueryModuleAccountByNameResponse { Account = any });
    }
}
