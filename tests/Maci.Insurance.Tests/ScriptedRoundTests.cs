using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Insurance.Tests;

/// <summary>
/// A round driven through the hook interface as the rounds module would: deposit 10000, loss ratio 1/10, premium 1000
/// → coverage 10000 (voting part 5000, tally part 5000). Round: 10 sign-ups, 20 messages, Dora delays, so the tally
/// delay is (200 + 10 + 40)·3 = 750 s after voting end and the hard timeout 172800 s after that.
/// </summary>
public class ScriptedRoundTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");
    private readonly byte[] _owner = InsuranceChain.Address("owner");
    private readonly RoundInfo _round;
    private readonly UInt128 _supply;

    public ScriptedRoundTests()
    {
        _chain.Fund(_op, 20_000);
        _chain.Fund(_owner, 5_000);
        _chain.Ok(_chain.Register(_op, 9, 10_000, InsuranceChain.Terms(1, 10, 1, 1_000_000)));
        _round = _chain.AddRound(7, _owner, _op);
        _chain.Ok(_chain.Buy(_owner, 7, _op, 1_000));
        _supply = _chain.Supply;
    }

    public void Dispose() => _chain.Dispose();

    private InsuranceChain.IHooks Hooks => _chain.Hooks;

    private void At(long time) => _chain.Now = time;

    private void AssertSettled(UInt128 slashed, TallyOutcome outcome, ulong lateDeactivations)
    {
        var policy = _chain.Policy(7);
        Assert.Equal(PolicyStatus.Settled, policy.Status);
        Assert.Equal(outcome, policy.Tally);
        var op = _chain.Operator(_op);
        Assert.Equal((10_000 - slashed).ToString(), op.Deposit);
        Assert.Equal("0", op.Locked);
        Assert.Equal((UInt128)(5_000 - 1_000) + slashed, _chain.Balance(_owner));
        Assert.Equal((UInt128)(20_000 - 10_000 + 1_000), _chain.Balance(_op)); // the premium arrived
        Assert.Equal(10_000 - slashed, _chain.ModuleBalance);
        var tr = op.TrackRecord;
        Assert.Equal(1UL, tr.RoundsServed);
        Assert.Equal(slashed == 0 ? 0UL : 1UL, tr.RoundsSlashed);
        Assert.Equal(lateDeactivations, tr.LateDeactivations);
        Assert.Equal(outcome == TallyOutcome.Late ? 1UL : 0UL, tr.LateTallies);
        Assert.Equal(outcome == TallyOutcome.Missed ? 1UL : 0UL, tr.MissedTallies);
        Assert.Equal("10000", tr.TotalInsured);
        Assert.Equal(slashed.ToString(), tr.TotalSlashed);
        Assert.Equal("1000", tr.TotalPremiums);
        Assert.Equal(_supply, _chain.Supply);
        _chain.AssertInvariants();
    }

    [Fact]
    public void An_on_time_operator_is_not_slashed_and_earns_the_premium()
    {
        At(_round.VotingStart + 10);
        Assert.Null(Hooks.Published(7, 3));
        At(_round.VotingStart + 10 + 600); // exactly the deactivate delay: still on time
        Assert.Null(Hooks.Processed(7, 3));
        Assert.Equal(0UL, _chain.Policy(7).LateDeactivations);
        At(_round.VotingEnd + 750); // exactly the tally delay: on time
        Assert.Null(Hooks.Tally(7));
        Assert.Null(Hooks.Ended(7));
        var settled = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypePolicySettled);
        Assert.Equal("0umaci", settled.Get(InsuranceEvents.KeySlashed));
        Assert.Equal("10000umaci", settled.Get(InsuranceEvents.KeyUnlocked));
        AssertSettled(0, TallyOutcome.OnTime, 0);
    }

    [Fact]
    public void One_late_deactivation_slashes_exactly_one_linear_step_of_the_voting_part()
    {
        At(_round.VotingStart + 10);
        Assert.Null(Hooks.Published(7, 1));
        At(_round.VotingStart + 310);
        Assert.Null(Hooks.Published(7, 1));
        At(_round.VotingStart + 611); // first message 601 s old (late), second 301 s (on time)
        Assert.Null(Hooks.Processed(7, 2));
        var slash = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorSlashed);
        Assert.Equal("250umaci", slash.Get(InsuranceEvents.KeyAmount)); // 5000 · 5%
        Assert.Equal(InsuranceEvents.ReasonLateDeactivation, slash.Get(InsuranceEvents.KeyReason));
        Assert.Equal("250", _chain.Policy(7).VotingSlashed);
        At(_round.VotingEnd + 100);
        Assert.Null(Hooks.Tally(7));
        Assert.Null(Hooks.Ended(7));
        AssertSettled(250, TallyOutcome.OnTime, 1);
    }

    [Fact]
    public void Late_deactivations_slash_linearly_and_are_capped_at_the_voting_part()
    {
        At(_round.VotingStart);
        Assert.Null(Hooks.Published(7, 30));
        At(_round.VotingStart + 601);
        Assert.Null(Hooks.Processed(7, 7));
        Assert.Equal("1750", _chain.Policy(7).VotingSlashed); // 7 · 5% of 5000
        Assert.Null(Hooks.Processed(7, 13));
        Assert.Equal("5000", _chain.Policy(7).VotingSlashed); // 20 · 5% = 100%
        Assert.Null(Hooks.Processed(7, 10));
        Assert.Equal("5000", _chain.Policy(7).VotingSlashed); // capped
        Assert.Equal(30UL, _chain.Policy(7).LateDeactivations);
        Assert.DoesNotContain(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorSlashed);
        At(_round.VotingEnd + 1);
        Assert.Null(Hooks.Tally(7));
        Assert.Null(Hooks.Ended(7));
        AssertSettled(5_000, TallyOutcome.OnTime, 30);
    }

    [Fact]
    public void A_late_tally_slashes_the_tally_fraction()
    {
        At(_round.VotingEnd + 751);
        Assert.Null(Hooks.Tally(7));
        Assert.Equal(TallyOutcome.Late, _chain.Policy(7).Tally);
        Assert.Equal("2500", _chain.Policy(7).TallySlashed); // 50% of 5000
        var slash = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorSlashed);
        Assert.Equal(InsuranceEvents.ReasonLateTally, slash.Get(InsuranceEvents.KeyReason));
        Assert.Null(Hooks.Ended(7));
        AssertSettled(2_500, TallyOutcome.Late, 0);
    }

    [Fact]
    public void A_missed_tally_is_caught_in_EndBlock_and_slashes_all_remaining_coverage()
    {
        At(_round.VotingStart);
        Assert.Null(Hooks.Published(7, 1));
        At(_round.VotingStart + 700);
        Assert.Null(Hooks.Processed(7, 1)); // one late: 250 of the voting part
        var timeout = _round.VotingEnd + 750 + 172_800;
        At(timeout);
        _chain.EndBlock();
        Assert.Equal(PolicyStatus.Active, _chain.Policy(7).Status); // not yet: the timeout is exclusive
        At(timeout + 1);
        _chain.EndBlock();
        var slash = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorSlashed);
        Assert.Equal("9750umaci", slash.Get(InsuranceEvents.KeyAmount)); // the rest of the 10000
        Assert.Equal(InsuranceEvents.ReasonMissedTally, slash.Get(InsuranceEvents.KeyReason));
        AssertSettled(10_000, TallyOutcome.Missed, 1);
        // The rounds module reporting the end afterwards changes nothing.
        var before = _chain.Dump();
        Assert.Null(Hooks.Ended(7));
        Assert.Null(Hooks.Tally(7));
        Assert.Equal(before, _chain.Dump());
    }

    [Fact]
    public void A_tally_after_the_hard_timeout_counts_as_missed()
    {
        At(_round.VotingEnd + 750 + 172_800 + 5);
        Assert.Null(Hooks.Tally(7));
        Assert.Equal(TallyOutcome.Missed, _chain.Policy(7).Tally);
        Assert.Null(Hooks.Ended(7));
        AssertSettled(10_000, TallyOutcome.Missed, 0);
    }

    [Fact]
    public void An_insured_operator_cannot_withdraw_locked_funds_or_deregister_or_rotate_its_key()
    {
        _chain.Ok(new MsgDeposit { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(500) }); // 500 free
        _chain.Fails(new MsgWithdraw { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(501) }, InsuranceErrors.InsufficientAvailable);
        _chain.Fails(new MsgDeregisterOperator { Operator = _chain.Bech(_op) }, InsuranceErrors.CoverageLocked);
        _chain.Fails(new MsgUpdateOperator { Operator = _chain.Bech(_op), PubKey = InsuranceChain.Key(99) }, InsuranceErrors.ServingOpenRound);
        _chain.Ok(new MsgWithdraw { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(500) });
        _chain.Fails(new MsgWithdraw { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(1) }, InsuranceErrors.InsufficientAvailable);
        _chain.AssertInvariants();
    }

    [Fact]
    public void Inconsistent_hook_calls_are_refused_without_state_change()
    {
        At(_round.VotingStart);
        Assert.Null(Hooks.Published(7, 2));
        var before = _chain.Dump();
        Assert.Equal(InsuranceErrors.InvalidHookCall, Hooks.Processed(7, 3)!.Code);
        Assert.Equal(before, _chain.Dump());
        Assert.Null(Hooks.Tally(7));
        Assert.Equal(InsuranceErrors.InvalidHookCall, Hooks.Tally(7)!.Code);
    }

    [Fact]
    public void Hooks_for_uninsured_rounds_do_nothing()
    {
        var before = _chain.Dump();
        Assert.Null(Hooks.Published(99, 5));
        Assert.Null(Hooks.Processed(99, 5));
        Assert.Null(Hooks.Tally(99));
        Assert.Null(Hooks.Ended(99));
        Assert.Equal(before, _chain.Dump());
    }

    [Fact]
    public void A_round_that_ends_without_a_tally_call_is_judged_at_its_end_time()
    {
        At(_round.VotingEnd + 800); // 50 s past the tally delay
        Assert.Null(Hooks.Ended(7));
        Assert.Contains(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeTallyRecorded && e.Get(InsuranceEvents.KeyOutcome) == "late");
        AssertSettled(2_500, TallyOutcome.Late, 0);
    }

    [Fact]
    public void A_tallied_round_whose_end_is_never_reported_settles_at_the_hard_timeout()
    {
        At(_round.VotingEnd + 10);
        Assert.Null(Hooks.Tally(7));
        Assert.Equal(PolicyStatus.Active, _chain.Policy(7).Status);
        At(_round.VotingEnd + 750 + 172_801);
        _chain.EndBlock();
        Assert.DoesNotContain(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeOperatorSlashed);
        AssertSettled(0, TallyOutcome.OnTime, 0);
    }
}
