using Google.Protobuf;
using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Keeper;
using Maci.Proto.Cosmos.Base.Query.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;

namespace Maci.Insurance.Tests;

public class QueryTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[][] _ops = Enumerable.Range(0, 4).Select(i => InsuranceChain.Address($"op{i}")).ToArray();
    private readonly byte[] _owner = InsuranceChain.Address("owner");

    public QueryTests()
    {
        _chain.Fund(_owner, 100_000);
        var deposits = new UInt128[] { 3_000, 9_000, 1_000, 9_000 };
        for (var i = 0; i < _ops.Length; i++)
        {
            _chain.Fund(_ops[i], 50_000);
            _chain.Ok(_chain.Register(_ops[i], (ulong)i + 10, deposits[i]));
        }
    }

    public void Dispose() => _chain.Dispose();

    private T Query<T>(string path, IMessage req, MessageParser<T> parser) where T : IMessage<T>
    {
        var route = _chain.Module.QueryRoutes.Single(r => r.Path == path);
        var res = route.Handle(_chain.Ctx(ExecMode.Query), req.ToByteArray());
        Assert.True(res.IsOk, res.Error?.ToString());
        return parser.ParseFrom(res.Value);
    }

    private SdkError QueryError(string path, byte[] req)
    {
        var res = _chain.Module.QueryRoutes.Single(r => r.Path == path).Handle(_chain.Ctx(ExecMode.Query), req);
        Assert.False(res.IsOk);
        return res.Error!;
    }

    [Fact]
    public void Routes_are_grpc_paths_and_messages_are_routed_by_type_url()
    {
        Assert.All(_chain.Module.QueryRoutes, r => Assert.StartsWith("/maci.insurance.v1.Query/", r.Path));
        Assert.Contains(_chain.Module.MsgRoutes, r => r.TypeUrl == "/maci.insurance.v1.MsgBuyInsurance");
        Assert.Equal(6, _chain.Module.MsgRoutes.Count);
    }

    [Fact]
    public void Operator_by_address_and_by_public_key()
    {
        var byAddr = Query(InsuranceQueryServer.OperatorPath, new QueryOperatorRequest { Address = _chain.Bech(_ops[1]) }, QueryOperatorResponse.Parser);
        Assert.Equal("9000", byAddr.Operator.Deposit);
        Assert.Equal("9000", byAddr.Available);
        var byKey = Query(InsuranceQueryServer.OperatorByPubKeyPath, new QueryOperatorByPubKeyRequest { PubKey = InsuranceChain.Key(12) }, QueryOperatorByPubKeyResponse.Parser);
        Assert.Equal(_chain.Bech(_ops[2]), byKey.Operator.Address);

        Assert.Equal(SdkErrors.KeyNotFound, QueryError(InsuranceQueryServer.OperatorPath,
            new QueryOperatorRequest { Address = _chain.Bech(_owner) }.ToByteArray()).Code);
        Assert.Equal(SdkErrors.KeyNotFound, QueryError(InsuranceQueryServer.OperatorByPubKeyPath,
            new QueryOperatorByPubKeyRequest { PubKey = InsuranceChain.Key(99) }.ToByteArray()).Code);
        Assert.Equal(SdkErrors.InvalidRequest, QueryError(InsuranceQueryServer.OperatorByPubKeyPath,
            new QueryOperatorByPubKeyRequest { PubKey = new PubKey { X = "1", Y = "2" } }.ToByteArray()).Code);
        Assert.Equal(SdkErrors.InvalidRequest, QueryError(InsuranceQueryServer.OperatorPath, [0xff, 0xff]).Code);
    }

    private List<string> Page(OperatorSort sort, PageRequest page, out PageResponse response)
    {
        var r = Query(InsuranceQueryServer.OperatorsPath, new QueryOperatorsRequest { Sort = sort, Pagination = page }, QueryOperatorsResponse.Parser);
        response = r.Pagination;
        return r.Operators.Select(o => o.Address).ToList();
    }

    [Fact]
    public void Operators_sort_by_deposit_with_ties_by_address_and_page_with_next_key()
    {
        // Deposits: op1 9000, op3 9000 (tie: by address), op0 3000, op2 1000.
        var tied = new[] { _chain.Bech(_ops[1]), _chain.Bech(_ops[3]) }.Order(StringComparer.Ordinal);
        var expected = tied.Concat([_chain.Bech(_ops[0]), _chain.Bech(_ops[2])]).ToList();
        var first = Page(OperatorSort.Deposit, new PageRequest { Limit = 3, CountTotal = true }, out var r1);
        Assert.Equal(4UL, r1.Total);
        Assert.False(r1.NextKey.IsEmpty);
        var second = Page(OperatorSort.Deposit, new PageRequest { Key = r1.NextKey, Limit = 3 }, out var r2);
        Assert.True(r2.NextKey.IsEmpty);
        Assert.Equal(expected, first.Concat(second).ToList());
        var offset = Page(OperatorSort.Deposit, new PageRequest { Offset = 2, Limit = 1 }, out _);
        Assert.Equal(expected[2], Assert.Single(offset));
    }

    [Fact]
    public void Operators_sort_by_track_record()
    {
        // op0 serves a clean round, op1 one with a late tally; op2 and op3 have no record.
        foreach (var (round, op) in new[] { (1UL, 0), (2UL, 1) })
        {
            _chain.AddRound(round, _owner, _ops[op]);
            _chain.Ok(_chain.Buy(_owner, round, _ops[op], 100));
        }
        var end = _chain.Rounds.GetRound(_chain.Ctx(), 1)!.VotingEnd;
        _chain.Now = end + 10;
        Assert.Null(_chain.Hooks.Tally(1));
        Assert.Null(_chain.Hooks.Ended(1));
        _chain.Now = end + 100_000;
        Assert.Null(_chain.Hooks.Tally(2));
        Assert.Null(_chain.Hooks.Ended(2));
        var order = Page(OperatorSort.TrackRecord, new PageRequest(), out _);
        // op0: one clean round. op2, op3: no clean round, nothing slashed (by address). op1: no clean round, 250 slashed.
        var middle = new[] { _chain.Bech(_ops[2]), _chain.Bech(_ops[3]) }.Order(StringComparer.Ordinal);
        Assert.Equal([_chain.Bech(_ops[0]), .. middle, _chain.Bech(_ops[1])], order);
        var reversed = Page(OperatorSort.TrackRecord, new PageRequest { Reverse = true }, out _);
        Assert.Equal(Enumerable.Reverse(order).ToList(), reversed);
        var tr = Query(InsuranceQueryServer.OperatorPath, new QueryOperatorRequest { Address = _chain.Bech(_ops[1]) }, QueryOperatorResponse.Parser).Operator.TrackRecord;
        Assert.Equal(1UL, tr.LateTallies);
        Assert.Equal("250", tr.TotalSlashed); // coverage 100·10 = 1000, tally part 500, late tally: 50%
    }

    [Fact]
    public void Policies_by_round_and_by_operator_and_unbondings()
    {
        _chain.AddRound(5, _owner, _ops[0]);
        _chain.AddRound(6, _owner, _ops[1]);
        _chain.Ok(_chain.Buy(_owner, 5, _ops[0], 50));
        _chain.Ok(_chain.Buy(_owner, 6, _ops[1], 60));
        var p = Query(InsuranceQueryServer.PolicyPath, new QueryPolicyRequest { RoundId = 6 }, QueryPolicyResponse.Parser).Policy;
        Assert.Equal("600", p.Coverage);
        Assert.Equal(SdkErrors.KeyNotFound, QueryError(InsuranceQueryServer.PolicyPath, new QueryPolicyRequest { RoundId = 7 }.ToByteArray()).Code);
        var all = Query(InsuranceQueryServer.PoliciesPath, new QueryPoliciesRequest(), QueryPoliciesResponse.Parser);
        Assert.Equal(new ulong[] { 5, 6 }, all.Policies.Select(x => x.RoundId));
        var mine = Query(InsuranceQueryServer.PoliciesPath, new QueryPoliciesRequest { Operator = _chain.Bech(_ops[1]) }, QueryPoliciesResponse.Parser);
        Assert.Equal(6UL, Assert.Single(mine.Policies).RoundId);

        _chain.Ok(new MsgWithdraw { Operator = _chain.Bech(_ops[2]), Amount = InsuranceChain.C(10) });
        var u = Query(InsuranceQueryServer.UnbondingsPath, new QueryUnbondingsRequest { Operator = _chain.Bech(_ops[2]) }, QueryUnbondingsResponse.Parser);
        Assert.Equal("10", Assert.Single(u.Unbondings).Amount);
        var prm = Query(InsuranceQueryServer.ParamsPath, new QueryParamsRequest(), QueryParamsResponse.Parser);
        Assert.Equal(_chain.Params, prm.Params);
    }
}
