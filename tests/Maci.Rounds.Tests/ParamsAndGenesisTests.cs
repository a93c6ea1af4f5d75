using System.Text.Json.Nodes;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
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
    public void Changed_keys_take_effect_at_once_despite_the_key_cache()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 10);
        var ctx = s.Chain.Ctx(ExecMode.Genesis);
        var p = s.Chain.Keeper.GetFullParams(ctx);
        var good = p.Clone();
        p.Circuits[0].Process = p.Circuits[0].Tally.Clone();
        s.Chain.Keeper.SetParams(ctx, p);
        s.Chain.Fails(s.ProcessMessage(), RoundsErrors.InvalidProof);
        s.Chain.Keeper.SetParams(s.Chain.Ctx(ExecMode.Genesis), good);
        s.RunSteps(10, 14);
        Assert.Equal(Period.Ended, s.Chain.State(s.RoundId).Period);
    }
}
