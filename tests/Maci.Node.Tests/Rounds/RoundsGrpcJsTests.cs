using System.Text.Json;
using Maci.Node.Tests.Host;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport;
using Maci.TestSupport.Dora;

namespace Maci.Node.Tests.Rounds;

/// <summary>@grpc/grpc-js with the repository's rounds and insurance protos (@grpc/proto-loader) against a node holding one round.</summary>
public sealed class RoundsGrpcJsTests
{
    [Fact]
    public async Task GrpcJs_queries_params_round_rounds_and_gets_not_found_for_an_unknown_round()
    {
        await using var chain = await RoundsNode.StartAsync();
        var admin = ChainAccount.FromMnemonic("admin", TestNode.Mnemonic0);
        var op = ChainAccount.Derived("operator");
        Assert.True((await chain.CommitAsync(admin, RoundsNode.Send(admin, op.Address, 5_000_000))).IsOk);
        var p = (await chain.QueryAsync("/maci.rounds.v1.Query/Params", new QueryParamsRequest(), QueryParamsResponse.Parser)).Params;
        Assert.True((await chain.RegisterOperatorAsync(op, AmaciFixtureRound.Coordinator.PublicKey, p.Denom)).IsOk);
        var fx = new AmaciFixtureRound(new AmaciRoundParties(admin.Address, op.Address, TestNode.Address0, TestNode.Address1, TestNode.Address1), p.DefaultFees, p.Denom);
        var (_, now) = await chain.LatestBlockAsync();
        var created = await chain.CommitAsync(admin, fx.CreateMsg(now + 1000, now + 5000));
        Assert.True(created.IsOk, created.Log);

        var output = await NodeJs.RunCheckedAsync("grpc/rounds-query.mjs", [chain.Node.Host.GrpcTarget!, "1", "99"], timeout: TimeSpan.FromMinutes(1));
        using var doc = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var r = doc.RootElement;
        Assert.Equal(p.Denom, r.GetProperty("params").GetProperty("denom").GetString());
        var sizes = r.GetProperty("params").GetProperty("circuits").EnumerateArray()
            .Select(c => $"{c.GetProperty("state_tree_depth").GetInt32()}-{c.GetProperty("int_state_tree_depth").GetInt32()}-{c.GetProperty("vote_option_tree_depth").GetInt32()}-{c.GetProperty("message_batch_size").GetInt32()}");
        Assert.Contains("2-1-1-5", sizes);

        var round = r.GetProperty("round");
        Assert.Equal("1", round.GetProperty("id").GetString());
        Assert.Equal("ROUND_KIND_AMACI", round.GetProperty("kind").GetString());
        Assert.Equal(op.Address, round.GetProperty("operator").GetString());
        Assert.Equal("PERIOD_PENDING", round.GetProperty("period").GetString());
        Assert.False(round.GetProperty("voting").GetBoolean());
        Assert.Equal(["a", "b", "c", "d", "e"], round.GetProperty("voteOptions").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal((await chain.RoundAsync(1)).StateRoot, round.GetProperty("stateRoot").GetString());

        Assert.Equal(["1"], r.GetProperty("rounds").GetProperty("ids").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal("1", r.GetProperty("rounds").GetProperty("total").GetString());
        Assert.Equal(1, r.GetProperty("pendingRounds").GetInt32());
        Assert.Equal(0, r.GetProperty("endedRounds").GetInt32());
        Assert.Equal(5, r.GetProperty("unknown").GetProperty("code").GetInt32()); // NOT_FOUND
        Assert.Contains("round 99", r.GetProperty("unknown").GetProperty("details").GetString());
        Assert.Equal(3, r.GetProperty("badFilter").GetProperty("code").GetInt32()); // INVALID_ARGUMENT
        Assert.Equal(p.Denom, r.GetProperty("insuranceDenom").GetString());

        var msgs = r.GetProperty("roundsMsgMethods").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("ProcessMessage", msgs);
        Assert.Contains("StopTallyingPeriod", msgs);
        Assert.Equal(20, msgs.Count);
        Assert.Equal(6, r.GetProperty("insuranceMsgMethods").GetArrayLength());
    }
}
