using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;
using Maci.Sdk.Query;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Modules.Bank.Keeper;

/// <summary>Handlers of <c>cosmos.bank.v1beta1.Query</c>.</summary>
public sealed class BankQueryServer(BankKeeper keeper)
{
    public const string BalancePath = "/cosmos.bank.v1beta1.Query/Balance";
    public const string AllBalancesPath = "/cosmos.bank.v1beta1.Query/AllBalances";
    public const string SpendableBalancesPath = "/cosmos.bank.v1beta1.Query/SpendableBalances";
    public const string TotalSupplyPath = "/cosmos.bank.v1beta1.Query/TotalSupply";
    public const string SupplyOfPath = "/cosmos.bank.v1beta1.Query/SupplyOf";
    public const string ParamsPath = "/cosmos.bank.v1beta1.Query/Params";
    public const string DenomMetadataPath = "/cosmos.bank.v1beta1.Query/DenomMetadata";

    public IReadOnlyList<QueryRoute> Routes =>
    [
        QueryRoute.For(BalancePath, QueryBalanceRequest.Parser, Balance),
        QueryRoute.For(AllBalancesPath, QueryAllBalancesRequest.Parser, AllBalances),
        QueryRoute.For(SpendableBalancesPath, QuerySpendableBalancesRequest.Parser, SpendableBalances),
        QueryRoute.For(TotalSupplyPath, QueryTotalSupplyRequest.Parser, TotalSupply),
        QueryRoute.For(SupplyOfPath, QuerySupplyOfRequest.Parser, SupplyOf),
        QueryRoute.For(ParamsPath, QueryParamsRequest.Parser, (ctx, _) => QueryResult.Ok(new QueryParamsResponse { Params = keeper.GetParams(ctx) })),
        QueryRoute.For(DenomMetadataPath, QueryDenomMetadataRequest.Parser, DenomMetadata),
    ];

    private static SdkError InvalidArgument(string why) =>
        SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {why}");

    private SdkError? Address(string text, out byte[] raw)
    {
        raw = [];
        if (string.IsNullOrEmpty(text)) return InvalidArgument("address cannot be empty");
        return keeper.Accounts.Codec.TryDecode(text, out raw) is { } err ? InvalidArgument(err.Log) : null;
    }

    /// <summary>Always answers a coin, with amount "0" when nothing is held (CosmJS expects one).</summary>
    public QueryResult Balance(Context ctx, QueryBalanceRequest req)
    {
        if (Address(req.Address, out var raw) is { } err) return err;
        if (!Coin.IsValidDenom(req.Denom)) return InvalidArgument($"invalid denom: '{req.Denom}'");
        var amount = keeper.GetBalance(ctx, raw, req.Denom);
        return QueryResult.Ok(new QueryBalanceResponse { Balance = new Coin(req.Denom, amount).ToProto() });
    }

    public QueryResult AllBalances(Context ctx, QueryAllBalancesRequest req)
    {
        if (Address(req.Address, out var raw) is { } err) return err;
        if (PageBalances(ctx, raw, req.Pagination, out var coins, out var page) is { } perr) return perr;
        var resp = new QueryAllBalancesResponse { Pagination = page };
        resp.Balances.AddRange(coins);
        return QueryResult.Ok(resp);
    }

    public QueryResult SpendableBalances(Context ctx, QuerySpendableBalancesRequest req)
    {
        if (Address(req.Address, out var raw) is { } err) return err;
        if (PageBalances(ctx, raw, req.Pagination, out var coins, out var page) is { } perr) return perr;
        var resp = new QuerySpendableBalancesResponse { Pagination = page };
        resp.Balances.AddRange(coins);
        return QueryResult.Ok(resp);
    }

    private SdkError? PageBalances(Context ctx, byte[] address, Proto.Cosmos.Base.Query.V1Beta1.PageRequest? page,
        out List<ProtoCoin> coins, out Proto.Cosmos.Base.Query.V1Beta1.PageResponse response) =>
        Pagination.Paginate(ctx.Store(Keys.StoreKey), Keys.AccountBalances(address), page,
            (k, v) => new Coin(System.Text.Encoding.UTF8.GetString(k), BankKeeper.ReadAmount(v)).ToProto(), out coins, out response);

    public QueryResult TotalSupply(Context ctx, QueryTotalSupplyRequest req)
    {
        if (Pagination.Paginate(ctx.Store(Keys.StoreKey), [Keys.SupplyPrefix], req.Pagination,
                (k, v) => new Coin(System.Text.Encoding.UTF8.GetString(k), BankKeeper.ReadAmount(v)).ToProto(),
                out var supply, out var page) is { } err) return err;
        var resp = new QueryTotalSupplyResponse { Pagination = page };
        resp.Supply.AddRange(supply);
        return QueryResult.Ok(resp);
    }

    public QueryResult SupplyOf(Context ctx, QuerySupplyOfRequest req)
    {
        if (!Coin.IsValidDenom(req.Denom)) return InvalidArgument($"invalid denom: '{req.Denom}'");
        return QueryResult.Ok(new QuerySupplyOfResponse { Amount = new Coin(req.Denom, keeper.GetSupply(ctx, req.Denom)).ToProto() });
    }

    public QueryResult DenomMetadata(Context ctx, QueryDenomMetadataRequest req)
    {
        if (!Coin.IsValidDenom(req.Denom)) return InvalidArgument($"invalid denom: '{req.Denom}'");
        var m = keeper.GetDenomMetadata(ctx, req.Denom);
        if (m is null)
            return SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = client metadata for denom {req.Denom}");
        return QueryResult.Ok(new QueryDenomMetadataResponse { Metadata = m });
    }
}
