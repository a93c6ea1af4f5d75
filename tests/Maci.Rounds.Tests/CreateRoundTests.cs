using Google.Protobuf;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

public sealed class CreateRoundTests
{
    [Fact]
    public void Bad_configurations_are_refused_with_clear_codes()
    {
        using var s = new AmaciScenario();
        var now = s.Chain.Now;
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => { m.VotingStart = now - 2000; m.VotingEnd = now - 1; }), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VotingEnd = m.VotingStart), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VotingEnd = m.VotingStart + 600), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VoteOptions.Add("sixth")), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VoteOptions.Clear()), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.Info.Title = ""), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.MaxVotesPerOption = 1UL << 32), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VoiceCreditMode = new VoiceCreditMode { Dynamic = true }), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.VoiceCreditMode.UnifiedAmount = "0"), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.RegistrationMode = null), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = s.Bech(s.Voter0) })), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = "cosmos1xyz" })), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.CircuitSize.StateTreeDepth = 9), UnsupportedCircuit);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.Operator = s.Bech(s.Anyone)), NoCoordinatorKey);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.Fee = RoundsChain.Fee(AmaciScenario.BaseFee - 1)), FeeMismatch);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.Kind = RoundKind.Unspecified), InvalidRoundConfig);
        s.Chain.Fails(Tamper.With(s.CreateMsg(), m => m.Creator = "maci1bad"), Maci.Sdk.Errors.SdkErrors.InvalidAddress);
        // 601 s of voting is enough.
        Assert.Equal(1UL, s.Chain.Ok<MsgCreateRoundResponse>(Tamper.With(s.CreateMsg(), m => m.VotingEnd = m.VotingStart + 601)).RoundId);
    }

    [Fact]
    public void Poll_ids_count_from_one_and_rounds_are_listed_by_operator_admin_and_period()
    {
        using var s = new AmaciScenario();
        var q = new Maci.Modules.Rounds.Keeper.RoundsQueryServer(s.Chain.Keeper);
        Assert.Equal(1UL, s.Chain.Keeper.GetNextRoundId(s.Chain.Ctx(ExecMode.Query)));
        Assert.Equal(1UL, s.Create());
        Assert.Equal(2UL, s.Chain.Ok<MsgCreateRoundResponse>(Tamper.With(s.CreateMsg(), m => m.Creator = s.Bech(s.Anyone))).RoundId);
        var ctx = s.Chain.Ctx(ExecMode.Query);
        QueryRoundsResponse List(QueryRoundsRequest r) => QueryRoundsResponse.Parser.ParseFrom(q.Rounds(ctx, r).Value);
        Assert.Equal([1UL, 2UL], List(new() { Operator = s.Bech(s.Operator) }).Rounds.Select(r => r.Round.Id));
        Assert.Equal([2UL], List(new() { Admin = s.Bech(s.Anyone) }).Rounds.Select(r => r.Round.Id));
        Assert.Equal([1UL, 2UL], List(new() { Period = Period.Pending }).Rounds.Select(r => r.Round.Id));
        Assert.Empty(List(new() { Period = Period.Ended }).Rounds);
        Assert.True(s.Chain.Keeper.OperatorHasOpenRound(ctx, s.Operator));
        var view = QueryRoundResponse.Parser.ParseFrom(q.RoundView(ctx, 2)!.ToByteArray());
        Assert.False(view.Voting);
        Assert.Equal(s.Chain.Keeper.StateRoot(ctx, view.Round).ToString(), view.StateRoot);
        Assert.False(q.StateNode(ctx, new QueryStateNodeRequest { RoundId = 9 }).IsOk);
    }

    [Fact]
    public void The_state_tree_holds_at_most_five_to_the_depth_voters()
    {
        using var s = new AmaciScenario();
        var msg = s.CreateMsg();
        msg.RegistrationMode.StaticWhitelist.Users.Clear();
        var voters = Enumerable.Range(0, 25).Select(i => RoundsChain.Address($"v{i}")).ToList();
        foreach (var v in voters) msg.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = s.Bech(v) });
        var tooMany = Tamper.With(msg, m => m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = s.Bech(s.Anyone) }));
        s.Chain.Fails(tooMany, InvalidRoundConfig);
        var id = s.Chain.Ok<MsgCreateRoundResponse>(msg).RoundId;
        s.Chain.Now = s.Start;
        for (var i = 0; i < 25; i++)
        {
            s.Chain.Fund(voters[i], 100);
            var r = s.Chain.Ok<MsgSignUpResponse>(new MsgSignUp
            {
                Sender = s.Bech(voters[i]), RoundId = id, Pubkey = Tamper.Key((ulong)i + 10), Fee = RoundsChain.Fee(AmaciScenario.SignupFee),
            });
            Assert.Equal((ulong)i, r.StateIndex);
        }
        Assert.Equal(25UL, s.Chain.State(id).NumSignUps);
        var add = s.AddNewKey();
        add.RoundId = id;
        s.Chain.Fails(add, TreeFull);
        // 25 leaves of a depth-2 tree: 25 + 5 + 1 stored nodes, nothing else.
        Assert.Equal(31, s.Chain.Dump().Count(k => k.StartsWith("rounds:04")));
    }

    [Fact]
    public void The_deactivate_chain_holds_five_to_the_depth_plus_two_minus_one_messages()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.Chain.Now = s.Start;
        s.Chain.Fund(s.Anyone, 100_000);
        var m = s.Deactivate(0);
        for (var i = 0; i < 624; i++) s.Chain.Ok<MsgPublishDeactivateMessageResponse>(m);
        Assert.Equal(624UL, s.Chain.State(s.RoundId).DmsgChainLength);
        s.Chain.Fails(m, ChainFull);
    }
}
