using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Modules;
using Maci.Crypto.Amaci;
using Maci.Modules.Insurance.Keeper;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport.Dora;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;
using InsurancePubKey = Maci.Proto.Maci.Insurance.V1.PubKey;

namespace Maci.Abci.Tests.Export;

/// <summary>
/// Whole-app export: an aMACI round open with sign-ups, deactivate messages and votes is exported, imported by InitChain
/// into a fresh app and finished there with Dora's fixture results, exactly as the source chain finishes it.
/// </summary>
public sealed class AppExportTests
{
    private const int Operator = 0, Admin = 1, Voter0 = 2, Voter1 = 3;
    private static readonly DateTimeOffset GenesisTime = AppHarness.GenesisTime;
    private static readonly long T0 = GenesisTime.ToUnixTimeSeconds();
    private static readonly long Start = T0 + 100, End = T0 + 1100;

    private AmaciFixtureRound _dora = null!;

    [Fact]
    public void An_open_round_exports_imports_and_finishes_with_the_fixture_results()
    {
        using var source = new TimedChain(ModulesChain.DevnetAppState().ToJsonString(), 1, GenesisTime);
        var roundId = OpenRoundWithVotes(source);
        var exported = source.App.ExportAppState();
        Assert.Equal(source.Height, exported.Height);
        Assert.Equal(source.App.LastCommitted.AppHash, exported.AppHash);
        Assert.Equal(["auth", "bank", "insurance", "rounds"], exported.AppState.Select(p => p.Key));
        var json = exported.ToJson();
        Assert.Null(source.App.ValidateGenesis(json));

        using var copy = new TimedChain(json, exported.Height + 1, GenesisTime);
        // InitChain rebuilds the very state the source committed: same app hash.
        Assert.Equal(exported.AppHash, copy.GenesisAppHash);

        // The next block (empty, same time) leaves both chains with the same app hash, invariants and query answers.
        var a = source.Block(End + 1);
        var b = copy.Block(End + 1);
        Assert.Equal(source.Height, copy.Height);
        Assert.Equal(a.AppHash, b.AppHash);
        foreach (var (path, request) in Queries(roundId))
        {
            var (x, y) = (source.Query(path, request), copy.Query(path, request));
            Assert.True(x.Code == y.Code && x.Value.Equals(y.Value), $"{path} differs between the source and the imported chain");
        }
        Assert.Equal(Period.Pending, copy.Query<QueryRoundResponse>("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = roundId }).State.Period);

        // Exporting the imported chain again gives the same bytes (the empty block changed no state).
        var again = copy.App.ExportAppState();
        Assert.Equal(exported.Height + 1, again.Height);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(source.App.ExportAppState().ToJson(), again.ToJson());

        // Both chains finish the round the same way, with Dora's results.
        foreach (var chain in new[] { source, copy }) Finish(chain, roundId);
        var results = copy.Query<QueryResultsResponse>("/maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = roundId });
        Assert.Equal(AmaciFixtureRound.Results, results.Results);
        Assert.Equal("6000000000000000000000036", results.Total);
        Assert.Equal(source.App.LastCommitted.AppHash, copy.App.LastCommitted.AppHash);
        foreach (var key in TimedChain.Keys)
            Assert.Equal(Balances(source, key.Bech32), Balances(copy, key.Bech32));
        Assert.Equal(source.App.ExportAppState().ToJson(), copy.App.ExportAppState().ToJson());
    }

    [Fact]
    public async Task Export_reads_the_last_commit_and_not_a_block_in_progress()
    {
        using var c = new ModulesChain();
        var before = c.App.ExportAppState();
        var pending = c.Harness.FinalizeOnly(c.Tx(0, SignedTx.Send(c.Keys[0], c.Keys[1].Bech32, 12345)));
        Assert.Equal(0u, pending.TxResults[0].Code);
        var during = c.App.ExportAppState();
        Assert.Equal(before.Height, during.Height);
        Assert.Equal(before.ToJson(), during.ToJson());
        await c.App.CommitAsync(new Maci.Proto.Tendermint.Abci.RequestCommit(), default);
        var after = c.App.ExportAppState();
        Assert.Equal(before.Height + 1, after.Height);
        Assert.NotEqual(before.ToJson(), after.ToJson());
    }

    [Fact]
    public void Nothing_committed_is_nothing_to_export()
    {
        using var h = new AppHarness([], commitGenesis: false);
        var e = Assert.Throws<InvalidOperationException>(() => h.App.ExportAppState());
        Assert.Contains("height 0", e.Message);
    }

    /// <summary>Registers the operator, creates and insures the round, then runs sign-ups, deactivations, the new key and all votes.</summary>
    private ulong OpenRoundWithVotes(TimedChain c)
    {
        c.Block(T0 + 1); // genesis becomes visible to queries (and account lookups) after the first commit
        var fees = c.Query<Maci.Proto.Maci.Rounds.V1.QueryParamsResponse>("/maci.rounds.v1.Query/Params", new Maci.Proto.Maci.Rounds.V1.QueryParamsRequest()).Params.DefaultFees;
        _dora = new AmaciFixtureRound(new AmaciRoundParties(Addr(Admin), Addr(Operator), Addr(Voter0), Addr(Voter1), Addr(Admin)), fees, "umaci");
        var key = AmaciFixtureRound.Coordinator.PublicKey;
        c.Ok(T0 + 2, Operator, new MsgRegisterOperator
        {
            Operator = Addr(Operator), Moniker = "export operator",
            PubKey = new InsurancePubKey { X = key.X.ToString(), Y = key.Y.ToString() },
            Deposit = Umaci("10000000"),
            Terms = new InsuranceTerms { LossRatioNumerator = 1, LossRatioDenominator = 10, MinPremium = "1", MaxPremium = "1000000" },
        });
        var create = _dora.CreateMsg(Start, End);
        create.Info = new RoundText { Title = "exported", Description = "Dora 2-1-1-5 across an export", Link = "" };
        var created = c.Ok(T0 + 3, Admin, create);
        var roundId = MsgCreateRoundResponse.Parser.ParseFrom(
            Maci.Proto.Cosmos.Base.Abci.V1Beta1.TxMsgData.Parser.ParseFrom(created.Data).MsgResponses[0].Value).RoundId;
        _dora.RoundId = roundId;
        c.Ok(T0 + 4, Admin, new MsgBuyInsurance { Buyer = Addr(Admin), RoundId = roundId, Operator = Addr(Operator), Premium = Umaci("100000") });

        c.Ok(Start, Voter0, _dora.SignUp(0));
        c.Ok(Start + 1, Voter1, _dora.SignUp(1));
        c.Ok(Start + 2, Admin, _dora.Deactivate(0));
        c.Ok(Start + 3, Admin, _dora.Deactivate(1));
        c.Ok(Start + 60, Operator, _dora.ProcessDeactivate());
        c.Ok(Start + 70, Admin, _dora.AddNewKey());
        c.Ok(Start + 80, Admin, _dora.Publish(0));
        c.Ok(Start + 81, Admin, _dora.Publish(1));
        c.Ok(End, Admin, _dora.Publish(2));
        return roundId;
    }

    private void Finish(TimedChain c, ulong roundId)
    {
        c.Ok(End + 2, Admin, new MsgStartProcessPeriod { Sender = Addr(Admin), RoundId = roundId });
        c.Ok(End + 3, Operator, _dora.ProcessMessage());
        c.Ok(End + 4, Admin, new MsgStopProcessingPeriod { Sender = Addr(Admin), RoundId = roundId });
        c.Ok(End + 5, Operator, _dora.ProcessTally());
        c.Ok(End + 6, Operator, _dora.StopTallying());
        c.Ok(End + 7, Admin, new MsgClaim { Sender = Addr(Admin), RoundId = roundId });
    }

    private static IEnumerable<(string Path, IMessage Request)> Queries(ulong roundId)
    {
        yield return ("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = roundId });
        yield return ("/maci.rounds.v1.Query/Rounds", new QueryRoundsRequest());
        yield return ("/maci.rounds.v1.Query/NextPollId", new QueryNextPollIdRequest());
        yield return ("/maci.rounds.v1.Query/VerifyingKeys", new QueryVerifyingKeysRequest { RoundId = roundId });
        yield return ("/maci.rounds.v1.Query/DelayRecords", new QueryDelayRecordsRequest { RoundId = roundId });
        yield return ("/maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = roundId });
        for (ulong i = 1; i <= 3; i++) yield return ("/maci.rounds.v1.Query/MessageHash", new QueryMessageHashRequest { RoundId = roundId, Index = i });
        for (ulong n = 0; n < 31; n++) yield return ("/maci.rounds.v1.Query/StateNode", new QueryStateNodeRequest { RoundId = roundId, Index = n });
        yield return (InsuranceQueryServer.PolicyPath, new Maci.Proto.Maci.Insurance.V1.QueryPolicyRequest { RoundId = roundId });
        yield return (InsuranceQueryServer.OperatorPath, new QueryOperatorRequest { Address = Addr(Operator) });
        yield return ("/cosmos.bank.v1beta1.Query/TotalSupply", new QueryTotalSupplyRequest());
        foreach (var key in TimedChain.Keys) yield return ("/cosmos.bank.v1beta1.Query/AllBalances", new QueryAllBalancesRequest { Address = key.Bech32 });
    }

    private static string Balances(TimedChain c, string address) =>
        c.Query<QueryAllBalancesResponse>("/cosmos.bank.v1beta1.Query/AllBalances", new QueryAllBalancesRequest { Address = address }).ToString();

    private static string Addr(int who) => TimedChain.Keys[who].Bech32;

    private static ProtoCoin Umaci(string amount) => new() { Denom = "umaci", Amount = amount };
}
