using Maci.Modules.Rounds.Types;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>Handlers of <c>maci.rounds.v1.Query</c>, routed by gRPC method path.</summary>
public sealed class RoundsQueryServer(RoundsKeeper keeper)
{
    public const string Service = "/maci.rounds.v1.Query/";
    public const int MaxRoundsPerPage = 100;

    public IReadOnlyList<QueryRoute> Routes =>
    [
        QueryRoute.For(Service + "Params", QueryParamsRequest.Parser, (ctx, _) => QueryResult.Ok(new QueryParamsResponse { Params = keeper.GetFullParams(ctx) })),
        QueryRoute.For(Service + "Round", QueryRoundRequest.Parser, (ctx, r) => RoundView(ctx, r.RoundId) is { } v ? QueryResult.Ok(v) : NotFound($"round {r.RoundId}")),
        QueryRoute.For(Service + "Rounds", QueryRoundsRequest.Parser, Rounds),
        QueryRoute.For(Service + "StateNode", QueryStateNodeRequest.Parser, StateNode),
        QueryRoute.For(Service + "MessageHash", QueryMessageHashRequest.Parser, MessageHash),
        QueryRoute.For(Service + "SignUpIndex", QuerySignUpIndexRequest.Parser, SignUpIndex),
        QueryRoute.For(Service + "Results", QueryResultsRequest.Parser, Results),
        QueryRoute.For(Service + "VerifyingKeys", QueryVerifyingKeysRequest.Parser, VerifyingKeys),
        QueryRoute.For(Service + "NextPollId", QueryNextPollIdRequest.Parser, (ctx, _) => QueryResult.Ok(new QueryNextPollIdResponse { PollId = keeper.GetNextRoundId(ctx) })),
        QueryRoute.For(Service + "DelayRecords", QueryDelayRecordsRequest.Parser, DelayRecords),
        QueryRoute.For(Service + "RegistrationStatus", QueryRegistrationStatusRequest.Parser, RegistrationStatus),
    ];

    private static SdkError InvalidArgument(string why) => SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {why}");

    private static SdkError NotFound(string why) => SdkErrors.KeyNotFound.Wrap($"rpc error: code = NotFound desc = {why}");

    public QueryRoundResponse? RoundView(Context ctx, ulong id)
    {
        if (keeper.GetRound(ctx, id) is not { } round) return null;
        var state = keeper.GetRoundState(ctx, id)!;
        return new QueryRoundResponse
        {
            Round = round, State = state, StateRoot = keeper.StateRoot(ctx, round).ToString(),
            Voting = state.Period == Period.Pending && RoundsKeeper.InVoting(round, ctx.BlockTimeSeconds),
        };
    }

    public QueryResult Rounds(Context ctx, QueryRoundsRequest req)
    {
        List<ulong> ids;
        if (req.Operator.Length > 0)
        {
            if (keeper.Accounts.Codec.TryDecode(req.Operator, out var raw) is { } e) return InvalidArgument(e.Log);
            ids = keeper.RoundIds(ctx, Keys.ByOperatorPrefixOf(raw));
        }
        else if (req.Admin.Length > 0)
        {
            if (keeper.Accounts.Codec.TryDecode(req.Admin, out var raw) is { } e) return InvalidArgument(e.Log);
            ids = keeper.RoundIds(ctx, Keys.ByAdminPrefixOf(raw));
        }
        else if (req.HasPeriod) ids = keeper.RoundIds(ctx, Keys.ByPeriodPrefixOf((int)req.Period));
        else ids = keeper.RoundIds(ctx, [Keys.RoundPrefix]);

        var offset = req.Pagination?.Offset ?? 0;
        var limit = req.Pagination is { Limit: > 0 } p ? Math.Min(p.Limit, (ulong)MaxRoundsPerPage) : MaxRoundsPerPage;
        var resp = new QueryRoundsResponse { Pagination = new PageResponse() };
        ulong skipped = 0, total = 0;
        foreach (var id in ids)
        {
            var v = RoundView(ctx, id)!;
            if (req.Admin.Length > 0 && v.Round.Admin != req.Admin) continue;
            if (req.Operator.Length > 0 && v.Round.Operator != req.Operator) continue;
            if (req.HasPeriod && v.State.Period != req.Period) continue;
            total++;
            if (skipped < offset) { skipped++; continue; }
            if ((ulong)resp.Rounds.Count < limit) resp.Rounds.Add(v);
        }
        if (req.Pagination?.CountTotal == true) resp.Pagination.Total = total;
        return QueryResult.Ok(resp);
    }

    public QueryResult StateNode(Context ctx, QueryStateNodeRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is not { } round) return NotFound($"round {req.RoundId}");
        return keeper.StateNodeByHeapIndex(ctx, round, req.Index) is { } v
            ? QueryResult.Ok(new QueryStateNodeResponse { Value = v.ToString() })
            : InvalidArgument($"node index {req.Index} is outside the state tree");
    }

    public QueryResult MessageHash(Context ctx, QueryMessageHashRequest req)
    {
        if (keeper.GetRoundState(ctx, req.RoundId) is not { } state) return NotFound($"round {req.RoundId}");
        var length = req.Deactivate ? state.DmsgChainLength : state.MsgChainLength;
        if (req.Index > length) return InvalidArgument($"index {req.Index} is beyond the chain length {length}");
        var h = req.Deactivate ? keeper.GetDMsgHash(ctx, req.RoundId, req.Index) : keeper.GetMsgHash(ctx, req.RoundId, req.Index);
        return QueryResult.Ok(new QueryMessageHashResponse { Hash = h.ToString() });
    }

    public QueryResult SignUpIndex(Context ctx, QuerySignUpIndexRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is null) return NotFound($"round {req.RoundId}");
        if (Fields.TryParsePoint(req.Pubkey, "pubkey", out var key) is { } e) return InvalidArgument(e.Log);
        var idx = keeper.GetSignUpIndex(ctx, req.RoundId, key);
        return QueryResult.Ok(new QuerySignUpIndexResponse { Found = idx is not null, StateIndex = idx ?? 0 });
    }

    public QueryResult Results(Context ctx, QueryResultsRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is null) return NotFound($"round {req.RoundId}");
        if (keeper.GetResults(ctx, req.RoundId) is not { } r) return NotFound($"round {req.RoundId} has no results yet");
        var resp = new QueryResultsResponse { Total = r.Total };
        resp.Results.AddRange(r.Results);
        return QueryResult.Ok(resp);
    }

    public QueryResult VerifyingKeys(Context ctx, QueryVerifyingKeysRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is not { } round) return NotFound($"round {req.RoundId}");
        return keeper.GetRoundCircuitKeys(ctx, round.Id) is { } keys
            ? QueryResult.Ok(new QueryVerifyingKeysResponse { Keys = keys })
            : NotFound($"no keys for circuit {CircuitSizes.Name(round.CircuitSize)}");
    }

    public QueryResult RegistrationStatus(Context ctx, QueryRegistrationStatusRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is null) return NotFound($"round {req.RoundId}");
        return keeper.RegistrationStatus(ctx, req, out var resp) is { } e ? InvalidArgument(e.Log) : QueryResult.Ok(resp);
    }

    public QueryResult DelayRecords(Context ctx, QueryDelayRecordsRequest req)
    {
        if (keeper.GetRound(ctx, req.RoundId) is null) return NotFound($"round {req.RoundId}");
        var resp = new QueryDelayRecordsResponse();
        resp.Records.AddRange(keeper.GetDelayRecords(ctx, req.RoundId));
        return QueryResult.Ok(resp);
    }
}
