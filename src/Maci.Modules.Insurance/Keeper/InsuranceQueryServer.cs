using System.Buffers.Binary;
using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;
using Maci.Sdk.Query;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>Handlers of <c>maci.insurance.v1.Query</c>, routed by gRPC method path.</summary>
public sealed class InsuranceQueryServer(InsuranceKeeper keeper)
{
    public const string ParamsPath = "/maci.insurance.v1.Query/Params";
    public const string OperatorPath = "/maci.insurance.v1.Query/Operator";
    public const string OperatorByPubKeyPath = "/maci.insurance.v1.Query/OperatorByPubKey";
    public const string OperatorsPath = "/maci.insurance.v1.Query/Operators";
    public const string PolicyPath = "/maci.insurance.v1.Query/Policy";
    public const string PoliciesPath = "/maci.insurance.v1.Query/Policies";
    public const string UnbondingsPath = "/maci.insurance.v1.Query/Unbondings";

    public IReadOnlyList<QueryRoute> Routes =>
    [
        QueryRoute.For(ParamsPath, QueryParamsRequest.Parser, (ctx, _) => QueryResult.Ok(new QueryParamsResponse { Params = keeper.GetParams(ctx) })),
        QueryRoute.For(OperatorPath, QueryOperatorRequest.Parser, Operator),
        QueryRoute.For(OperatorByPubKeyPath, QueryOperatorByPubKeyRequest.Parser, OperatorByPubKey),
        QueryRoute.For(OperatorsPath, QueryOperatorsRequest.Parser, Operators),
        QueryRoute.For(PolicyPath, QueryPolicyRequest.Parser, Policy),
        QueryRoute.For(PoliciesPath, QueryPoliciesRequest.Parser, Policies),
        QueryRoute.For(UnbondingsPath, QueryUnbondingsRequest.Parser, Unbondings),
    ];

    private static SdkError InvalidArgument(string why) => SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {why}");

    private static SdkError NotFound(string why) => SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = {why}");

    private SdkError? Address(string text, out byte[] raw)
    {
        raw = [];
        if (string.IsNullOrEmpty(text)) return InvalidArgument("address cannot be empty");
        return keeper.Accounts.Codec.TryDecode(text, out raw) is { } err ? InvalidArgument(err.Log) : null;
    }

    public QueryResult Operator(Context ctx, QueryOperatorRequest req)
    {
        if (Address(req.Address, out var raw) is { } err) return err;
        if (keeper.GetOperator(ctx, raw) is not { } op) return NotFound($"operator {req.Address}");
        return QueryResult.Ok(new QueryOperatorResponse { Operator = op, Available = InsuranceKeeper.Available(op).ToString() });
    }

    public QueryResult OperatorByPubKey(Context ctx, QueryOperatorByPubKeyRequest req)
    {
        if (CoordinatorKey.TryParse(req.PubKey, out var key) is { } err) return InvalidArgument(err.Log);
        if (keeper.GetOperatorAddressByKey(ctx, key) is not { } raw || keeper.GetOperator(ctx, raw) is not { } op)
            return NotFound("no operator holds this public key");
        return QueryResult.Ok(new QueryOperatorByPubKeyResponse { Operator = op, Available = InsuranceKeeper.Available(op).ToString() });
    }

    /// <summary>
    /// Operators are few (each posts min_deposit), so they are sorted in memory; next_key is the 8-byte big-endian
    /// position of the next item in the chosen order.
    /// </summary>
    public QueryResult Operators(Context ctx, QueryOperatorsRequest req)
    {
        var page = req.Pagination ?? new PageRequest();
        if (!page.Key.IsEmpty && page.Offset > 0) return InvalidArgument("paginate: either offset or key is expected, got both");
        ulong start = page.Offset;
        if (!page.Key.IsEmpty)
        {
            if (page.Key.Length != 8) return InvalidArgument("pagination key must be a next_key returned by this query");
            start = BinaryPrimitives.ReadUInt64BigEndian(page.Key.Span);
        }
        if (!Enum.IsDefined(req.Sort)) return InvalidArgument($"unknown sort {(int)req.Sort}");
        var all = keeper.AllOperators(ctx);
        all.Sort(OperatorOrder.For(req.Sort));
        if (page.Reverse) all.Reverse();
        var limit = page.Limit == 0 ? Pagination.DefaultLimit : page.Limit;
        var resp = new QueryOperatorsResponse { Pagination = new PageResponse() };
        var count = (ulong)all.Count;
        for (var i = start; i < count && i - start < limit; i++) resp.Operators.Add(all[(int)i]);
        var next = start + (ulong)resp.Operators.Count;
        if (next < count)
        {
            var key = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(key, next);
            resp.Pagination.NextKey = ByteString.CopyFrom(key);
        }
        if (page.CountTotal) resp.Pagination.Total = count;
        return QueryResult.Ok(resp);
    }

    public QueryResult Policy(Context ctx, QueryPolicyRequest req) =>
        keeper.GetPolicy(ctx, req.RoundId) is { } policy
            ? QueryResult.Ok(new QueryPolicyResponse { Policy = policy })
            : NotFound($"no policy for round {req.RoundId}");

    public QueryResult Policies(Context ctx, QueryPoliciesRequest req)
    {
        var store = ctx.Store(Keys.StoreKey);
        var resp = new QueryPoliciesResponse();
        SdkError? err;
        List<Policy> items;
        PageResponse page;
        if (string.IsNullOrEmpty(req.Operator))
        {
            err = Pagination.Paginate(store, [Keys.PolicyPrefix], req.Pagination, (_, v) => Proto.Maci.Insurance.V1.Policy.Parser.ParseFrom(v), out items, out page);
        }
        else
        {
            if (Address(req.Operator, out var raw) is { } aerr) return aerr;
            err = Pagination.Paginate(store, Keys.OperatorPolicies(raw), req.Pagination,
                (k, _) => keeper.GetPolicy(ctx, Keys.TrailingRoundId(k))!, out items, out page);
        }
        if (err is not null) return err;
        resp.Policies.AddRange(items);
        resp.Pagination = page;
        return QueryResult.Ok(resp);
    }

    public QueryResult Unbondings(Context ctx, QueryUnbondingsRequest req)
    {
        if (Address(req.Operator, out _) is { } err) return err;
        var resp = new QueryUnbondingsResponse();
        resp.Unbondings.AddRange(keeper.AllUnbondings(ctx).Where(u => u.Operator == req.Operator));
        return QueryResult.Ok(resp);
    }
}
