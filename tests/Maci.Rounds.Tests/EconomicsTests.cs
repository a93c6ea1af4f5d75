using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

/// <summary>Escrow, the linear claim penalty (amaci-protocol §6.3), delay records and the tally timeout.</summary>
public sealed class EconomicsTests
{
    private const ulong Escrow = AmaciScenario.BaseFee + 3 * AmaciScenario.SignupFee + 2 * AmaciScenario.DeactivateFee + 3 * AmaciScenario.MessageFee;
    private const ulong ProtocolFee = Escrow * 10 / 100;
    private const ulong Rest = Escrow - ProtocolFee;
    // (base 200 + 3 sign-ups·1 + 3 messages·2)·3
    private const long TallyDelay = (200 + 3 * 1 + 3 * 2) * 3;

    private static void RunFrom(AmaciScenario s, int from, int to, long firstTime)
    {
        var steps = s.Steps();
        for (var i = from; i < to; i++)
        {
            s.Chain.Now = Math.Max(steps[i].Time, firstTime + (i - from));
            var r = s.Chain.Deliver(steps[i].Msg());
            Assert.True(r.IsOk, $"{steps[i].Name}: {r.Error}");
        }
    }

    private static MsgClaimResponse Claim(AmaciScenario s)
    {
        s.Chain.AssertInvariants();
        var r = s.Chain.Ok<MsgClaimResponse>(s.Claim());
        s.Chain.AssertInvariants();
        return r;
    }

    [Fact]
    public void Each_fee_is_escrowed_exactly()
    {
        using var s = new AmaciScenario();
        var admin = s.Chain.Balance(s.Admin);
        s.Create();
        Assert.Equal(admin - AmaciScenario.BaseFee, s.Chain.Balance(s.Admin));
        Assert.Equal((UInt128)AmaciScenario.BaseFee, s.Chain.ModuleBalance);
        var voter = s.Chain.Balance(s.Voter0);
        s.RunSteps(0, 1);
        Assert.Equal(voter - AmaciScenario.SignupFee, s.Chain.Balance(s.Voter0));
        var anyone = s.Chain.Balance(s.Anyone);
        s.RunSteps(1, 9);
        Assert.Equal(anyone - 2 * AmaciScenario.DeactivateFee - AmaciScenario.SignupFee - 3 * AmaciScenario.MessageFee, s.Chain.Balance(s.Anyone));
        Assert.Equal((UInt128)Escrow, s.Chain.ModuleBalance);
    }

    [Fact]
    public void A_sender_who_cannot_pay_is_refused_without_effect()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.Chain.Now = s.Start;
        var poor = RoundsChain.Address("poor");
        s.Chain.Fund(poor, AmaciScenario.MessageFee - 1);
        var m = s.Publish(0);
        m.Sender = s.Bech(poor);
        s.Chain.Fails(m, Maci.Sdk.Errors.SdkErrors.InsufficientFunds);
    }

    [Fact]
    public void Late_deactivate_processing_costs_the_operator_five_points_per_message()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 4);
        // The first deactivate message arrived at Start + 2; 601 s later is past the 600 s delay.
        RunFrom(s, 4, 14, s.Start + 2 + 601);
        var records = s.Chain.Keeper.GetDelayRecords(s.Chain.Ctx(ExecMode.Query), s.RoundId);
        var r = Assert.Single(records);
        Assert.Equal((DelayType.Deactivate, 2UL, 1UL), (r.Type, r.Count, r.Duration));
        Assert.Contains(s.Chain.Hooks.Calls, c => c is { Name: "processed", Count: 2 } && c.Time == s.Start + 603);
        var pay = Claim(s);
        Assert.Equal($"{Rest * 90 / 100}", pay.ToOperator.Amount);
        Assert.Equal($"{Rest - Rest * 90 / 100}", pay.ToAdmin.Amount);
        Assert.Equal($"{ProtocolFee}", pay.ToFeeRecipient.Amount);
    }

    [Fact]
    public void Deactivate_processing_exactly_at_the_delay_is_on_time()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 4);
        RunFrom(s, 4, 5, s.Start + 2 + 600);
        Assert.Empty(s.Chain.Keeper.GetDelayRecords(s.Chain.Ctx(ExecMode.Query), s.RoundId));
    }

    [Theory]
    [InlineData(TallyDelay, false)]
    [InlineData(TallyDelay + 1, true)]
    public void Late_tally_costs_the_operator_half(long secondsAfterEnd, bool late)
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 13);
        s.Chain.Now = s.End + secondsAfterEnd;
        s.Chain.Ok<MsgStopTallyingPeriodResponse>(s.StopTallying());
        var records = s.Chain.Keeper.GetDelayRecords(s.Chain.Ctx(ExecMode.Query), s.RoundId);
        Assert.Equal(late ? 1 : 0, records.Count);
        if (late) Assert.Equal((DelayType.Tally, 1UL), (records[0].Type, records[0].Duration));
        var pay = Claim(s);
        var op = late ? Rest / 2 : Rest;
        Assert.Equal($"{op}", pay.ToOperator.Amount);
        Assert.Equal($"{Rest - op}", pay.ToAdmin.Amount);
    }

    [Fact]
    public void After_the_tally_timeout_everything_goes_to_the_admin()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 11);
        var timeout = s.End + TallyDelay + 172_800;
        s.Chain.Now = timeout;
        s.Chain.Fails(s.Claim(), RoundNotClaimable);
        s.Chain.Now = timeout + 1;
        var admin = s.Chain.Balance(s.Admin);
        var pay = Claim(s);
        Assert.Equal(("0", $"{Escrow}", "0"), (pay.ToOperator.Amount, pay.ToAdmin.Amount, pay.ToFeeRecipient.Amount));
        Assert.Equal(admin + Escrow, s.Chain.Balance(s.Admin));
        Assert.True(s.Chain.State(s.RoundId).Claimed);
    }

    [Fact]
    public void Escrow_invariant_notices_funds_that_no_round_accounts_for()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.Chain.AssertInvariants();
        s.Chain.Fund(s.Chain.Keeper.ModuleAddress, 1);
        var check = s.Chain.Module.Invariants.Single(i => i.Name == "escrow-backed");
        Assert.Equal($"module account holds {AmaciScenario.BaseFee + 1} but rounds escrow {AmaciScenario.BaseFee}", check.Check(s.Chain.Ctx(ExecMode.Query)));
    }
}
