using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Json;
using Maci.TestSupport;

namespace Maci.Rounds.Tests;

public sealed class ParamsAndGenesisTests
{
    [Fact]
    public void A_key_with_gamma_equal_delta_is_refused_unless_explicitly_allowed()
    {
        var p = RoundsParams.Default();
        p.Circuits.Add(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci));
        var err = RoundsParams.Validate(p);
        Assert.NotNull(err);
        Assert.Equal(RoundsErrors.InvalidParams, err!.Code);
        Assert.Contains("gamma == delta", err.Log);
        p.AllowGammaEqualDelta = true;
        Assert.Null(RoundsParams.Validate(p));
    }

    [Fact]
    public void Bad_params_are_refused()
    {
        var p = RoundsParams.Default();
        p.Circuits.Add(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci));
        Assert.Null(RoundsParams.Validate(p));
        p.Circuits.Add(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci));
        Assert.Contains("twice", RoundsParams.Validate(p)!.Log);
        p.Circuits.RemoveAt(1);
        p.Circuits[0].Process.Delta2 = p.Circuits[0].Process.Delta2[..^2] + "00";
        Assert.Equal(RoundsErrors.InvalidParams, RoundsParams.Validate(p)!.Code);
        var q = RoundsParams.Default();
        q.ProtocolFeePercent = 101;
        Assert.NotNull(RoundsParams.Validate(q));
        q = RoundsParams.Default();
        q.DefaultFees.MessageFee = "-1";
        Assert.NotNull(RoundsParams.Validate(q));
    }

    [Fact]
    public void Fee_recipient_must_be_empty_or_a_bech32_account_address()
    {
        var p = RoundsParams.Default();
        p.FeeRecipient = "not-an-address";
        var err = RoundsParams.Validate(p);
        Assert.Equal(RoundsErrors.InvalidParams, err!.Code);
        Assert.Contains("fee_recipient", err.Log);
        p.FeeRecipient = "maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfd"; // checksum broken in the last character
        Assert.NotNull(RoundsParams.Validate(p));
        p.FeeRecipient = "maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfc";
        Assert.Null(RoundsParams.Validate(p));
        p.FeeRecipient = "";
        Assert.Null(RoundsParams.Validate(p));
    }

    [Fact]
    public void Genesis_fragment_ships_the_fixture_keys_and_round_trips()
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "rounds-vkeys.json")))!;
        using var s = new AmaciScenario();
        var module = s.Chain.Module;
        Assert.Null(module.ValidateGenesis(node));
        module.InitGenesis(s.Chain.Ctx(ExecMode.Genesis), node);
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var full = s.Chain.Keeper.GetFullParams(ctx);
        // aMACI 2-1-1-5 and 9-4-3-125; MACI 2-1-1-5 as the fixture proofs verify with it, 4-2-2-25 and 6-3-3-125 as
        // upstream ships them (never the later 2-1-1-5 MACI keys, whose gamma equals delta).
        Assert.Equal(5, full.Circuits.Count);
        Assert.Contains(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci), full.Circuits);
        Assert.Contains(DoraFixture.Keys("dora-amaci", "9-4-3-125", RoundKind.Amaci), full.Circuits);
        Assert.Contains(MaciFixtureRound.Keys(), full.Circuits);
        Assert.Contains(DoraFixture.Keys("dora-maci", "4-2-2-25", RoundKind.Maci), full.Circuits);
        Assert.Contains(DoraFixture.Keys("dora-maci", "6-3-3-125", RoundKind.Maci), full.Circuits);
        Assert.DoesNotContain(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci), full.Circuits);
        Assert.False(full.AllowGammaEqualDelta);
        Assert.Equal("46000000", full.DefaultFees.BaseFee);
        var exported = module.ExportGenesis(ctx);
        Assert.Null(module.ValidateGenesis(exported));
        Assert.True(JsonNode.DeepEquals(module.ExportGenesis(ctx), exported));
        Assert.NotNull(module.ValidateGenesis(JsonNode.Parse("""{"params": null, "next_round_id": "0"}""")!));
        Assert.NotNull(module.ValidateGenesis(JsonNode.Parse("""{"bogus": 1}""")!));
        Assert.Null(module.ValidateGenesis(module.DefaultGenesis()));
    }

    [Fact]
    public void Changed_keys_reach_only_rounds_created_afterwards()
    {
        // The round is created while the process key is wrong (the tally key): it pins that key, so even repaired params
        // (and a warm key cache holding the good key for the same size) do not rescue its process proof.
        using var s = new AmaciScenario(p => p.Circuits[0].Process = p.Circuits[0].Tally.Clone());
        var broken = s.Chain.Keeper.GetFullParams(s.Chain.Ctx(ExecMode.Query)).Circuits[0];
        s.Create();
        s.RunSteps(0, 10);
        var good = DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci);
        var p = s.Chain.Keeper.GetFullParams(s.Chain.Ctx(ExecMode.Genesis));
        p.Circuits[0] = good;
        s.Chain.Keeper.SetParams(s.Chain.Ctx(ExecMode.Genesis), p);
        s.Chain.Fails(s.ProcessMessage(), RoundsErrors.InvalidProof);
        Assert.Equal(broken, s.Chain.Keeper.GetRoundCircuitKeys(s.Chain.Ctx(ExecMode.Query), s.RoundId));

        // A round created now pins the repaired keys; both key sets are stored once each.
        s.Chain.Now = s.End + 10;
        var second = s.CreateMsg();
        second.VotingStart = s.Chain.Now + 10;
        second.VotingEnd = s.Chain.Now + 1000;
        var id = s.Chain.Ok<MsgCreateRoundResponse>(second).RoundId;
        Assert.Equal(good, s.Chain.Keeper.GetRoundCircuitKeys(s.Chain.Ctx(ExecMode.Query), id));
        Assert.Equal(2, s.Chain.Dump().Count(l => l.StartsWith($"rounds:{Keys.PinnedKeysPrefix:x2}", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_round_created_before_a_key_change_keeps_its_keys()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 10);
        var ctx = s.Chain.Ctx(ExecMode.Genesis);
        var p = s.Chain.Keeper.GetFullParams(ctx);
        var pinned = p.Circuits[0].Clone();
        p.Circuits[0].Process = p.Circuits[0].Tally.Clone();
        s.Chain.Keeper.SetParams(ctx, p);
        Assert.Equal(pinned, s.Chain.Keeper.GetRoundCircuitKeys(s.Chain.Ctx(ExecMode.Query), s.RoundId));
        var q = new QueryVerifyingKeysRequest { RoundId = s.RoundId };
        var answer = s.Chain.Module.QueryRoutes.Single(r => r.Path.EndsWith("/VerifyingKeys", StringComparison.Ordinal))
            .Handle(s.Chain.Ctx(ExecMode.Query), q.ToByteArray());
        Assert.Equal(pinned, QueryVerifyingKeysResponse.Parser.ParseFrom(answer.Value).Keys);
        s.RunSteps(10, 14);
        Assert.Equal(Period.Ended, s.Chain.State(s.RoundId).Period);
        Assert.Equal(AmaciFixtureRound.Results, s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), s.RoundId)!.Results);
    }

    [Fact]
    public void A_removed_circuit_size_keeps_working_for_rounds_that_pinned_it()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 4);
        var ctx = s.Chain.Ctx(ExecMode.Genesis);
        var p = s.Chain.Keeper.GetFullParams(ctx);
        p.Circuits.Clear();
        s.Chain.Keeper.SetParams(ctx, p);
        s.Chain.Fails(s.CreateMsg(), RoundsErrors.UnsupportedCircuit);
        s.RunSteps(4, 14);
        Assert.Equal(AmaciFixtureRound.Results, s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), s.RoundId)!.Results);
        s.Chain.Ok<MsgClaimResponse>(s.Claim());
        s.Chain.AssertInvariants();
    }

    [Fact]
    public void Pinned_keys_travel_with_the_round_through_genesis()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 9);
        var exported = s.Chain.Module.ExportGenesis(s.Chain.Ctx(ExecMode.Query));
        var g = Json.Parse(exported, GenesisState.Parser);
        var entries = g.Rounds[0].Entries;
        Assert.Equal(Keys.RoundKeysPrefix, entries[^2].Key[0]);
        Assert.Equal(Keys.PinnedKeysPrefix, entries[^1].Key[0]);

        // The new chain no longer lists the size in its params; the imported round still finishes.
        using var t = new AmaciScenario(p => p.Circuits.Clear());
        var node = JsonNode.Parse(exported.ToJsonString())!;
        node["params"] = Json.ToNode(t.Chain.Keeper.GetFullParams(t.Chain.Ctx(ExecMode.Query)));
        Assert.Null(t.Chain.Module.ValidateGenesis(node));
        t.Chain.Module.InitGenesis(t.Chain.Ctx(ExecMode.Genesis), node);
        t.Chain.Bank.MintCoins(t.Chain.Ctx(ExecMode.Genesis), Keys.ModuleAccountName, Coins.Of(new Coin(RoundsChain.Denom, s.Chain.ModuleBalance)));
        t.UseRound(1);
        t.RunSteps(9, 14);
        Assert.Equal(AmaciFixtureRound.Results, t.Chain.Keeper.GetResults(t.Chain.Ctx(ExecMode.Query), 1)!.Results);
        t.Chain.AssertInvariants();
    }

    private static readonly ProtoJson Json = new();
}
