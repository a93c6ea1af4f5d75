using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Insurance.Tests;

public class BuyInsuranceTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");
    private readonly byte[] _owner = InsuranceChain.Address("owner");

    public BuyInsuranceTests()
    {
        _chain.Fund(_op, 100_000);
        _chain.Fund(_owner, 100_000);
    }

    public void Dispose() => _chain.Dispose();

    private void RegisterWith(InsuranceTerms terms, UInt128 deposit) => _chain.Ok(_chain.Register(_op, 5, deposit, terms));

    [Fact]
    public void Coverage_exactly_equal_to_the_available_deposit_is_allowed()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        _chain.AddRound(1, _owner, _op);
        var r = (MsgBuyInsuranceResponse)_chain.Ok(_chain.Buy(_owner, 1, _op, 1_000));
        Assert.Equal("10000", r.Coverage);
        Assert.Equal("5000", r.VotingPart);
        Assert.Equal("5000", r.TallyPart);
        var op = _chain.Operator(_op);
        Assert.Equal("10000", op.Locked);
        Assert.Equal(UInt128.Zero, InsuranceKeeperAvailable(op));
        Assert.Equal((UInt128)99_000, _chain.Balance(_owner));
        Assert.Equal((UInt128)11_000, _chain.ModuleBalance);
        var ev = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeInsuranceBought);
        Assert.Equal("1", ev.Get(InsuranceEvents.KeyRoundId));
        Assert.Equal("10000umaci", ev.Get(InsuranceEvents.KeyCoverage));
        Assert.Equal("1000umaci", ev.Get(InsuranceEvents.KeyPremium));
        _chain.AssertInvariants();
    }

    [Fact]
    public void One_unit_above_the_maximum_premium_is_refused()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        _chain.AddRound(1, _owner, _op);
        var err = _chain.Fails(_chain.Buy(_owner, 1, _op, 1_001), InsuranceErrors.PremiumTooHigh);
        Assert.Contains("max_compensation 10000umaci", err.Log);
    }

    [Fact]
    public void Premium_not_divisible_by_the_loss_ratio_rounds_coverage_down_and_parts_sum_exactly()
    {
        RegisterWith(InsuranceChain.Terms(3, 7, 1, 1_000_000), 1_000);
        _chain.AddRound(1, _owner, _op);
        var r = (MsgBuyInsuranceResponse)_chain.Ok(_chain.Buy(_owner, 1, _op, 10));
        Assert.Equal("23", r.Coverage); // 10·7/3 = 23.33
        Assert.Equal("11", r.VotingPart); // ⌊23·5000/10000⌋
        Assert.Equal("12", r.TallyPart); // remainder
        _chain.AssertInvariants();
    }

    [Fact]
    public void Maximum_premium_under_a_fractional_ratio_is_the_floor_of_available_times_ratio()
    {
        RegisterWith(InsuranceChain.Terms(3, 7, 1, 1_000_000), 1_000);
        _chain.AddRound(1, _owner, _op);
        _chain.AddRound(2, _owner, _op);
        _chain.Ok(_chain.Buy(_owner, 1, _op, 424)); // coverage ⌊424·7/3⌋ = 989; 11 left
        Assert.Equal("989", _chain.Operator(_op).Locked);
        // 11·3/7 = 4.71: premium 5 needs 5·7 = 35 > 11·3 = 33.
        _chain.Fails(_chain.Buy(_owner, 2, _op, 5), InsuranceErrors.PremiumTooHigh);
        var r = (MsgBuyInsuranceResponse)_chain.Ok(_chain.Buy(_owner, 2, _op, 4));
        Assert.Equal("9", r.Coverage); // ⌊28/3⌋
        Assert.Equal("998", _chain.Operator(_op).Locked);
        _chain.AssertInvariants();
    }

    [Fact]
    public void A_second_round_competes_for_what_the_first_left()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        _chain.AddRound(1, _owner, _op);
        var other = InsuranceChain.Address("other-owner");
        _chain.Fund(other, 10_000);
        _chain.AddRound(2, other, _op);
        _chain.Ok(_chain.Buy(_owner, 1, _op, 600)); // locks 6000
        _chain.Fails(_chain.Buy(other, 2, _op, 401), InsuranceErrors.PremiumTooHigh); // 4000 left → max 400
        var r = (MsgBuyInsuranceResponse)_chain.Ok(_chain.Buy(other, 2, _op, 400));
        Assert.Equal("4000", r.Coverage);
        Assert.Equal("10000", _chain.Operator(_op).Locked);
        _chain.AddRound(3, other, _op);
        _chain.Fails(_chain.Buy(other, 3, _op, 1), InsuranceErrors.PremiumTooHigh);
        _chain.AssertInvariants();
    }

    [Fact]
    public void Premium_outside_the_operator_terms_is_refused()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 50, 80), 10_000);
        _chain.AddRound(1, _owner, _op);
        _chain.Fails(_chain.Buy(_owner, 1, _op, 49), InsuranceErrors.PremiumTooLow);
        _chain.Fails(_chain.Buy(_owner, 1, _op, 81), InsuranceErrors.PremiumTooHigh);
        _chain.Ok(_chain.Buy(_owner, 1, _op, 80));
    }

    [Fact]
    public void A_round_can_be_insured_only_once()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        _chain.AddRound(1, _owner, _op);
        _chain.Ok(_chain.Buy(_owner, 1, _op, 100));
        _chain.Fails(_chain.Buy(_owner, 1, _op, 100), InsuranceErrors.PolicyExists);
    }

    [Fact]
    public void Buying_when_voting_starts_or_later_is_refused()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        var round = _chain.AddRound(1, _owner, _op);
        _chain.Now = round.VotingStart; // voting starts inclusive
        _chain.Fails(_chain.Buy(_owner, 1, _op, 100), InsuranceErrors.VotingStarted);
        _chain.Now = round.VotingStart + 5_000;
        _chain.Fails(_chain.Buy(_owner, 1, _op, 100), InsuranceErrors.VotingStarted);
        _chain.Now = round.VotingStart - 1;
        _chain.Ok(_chain.Buy(_owner, 1, _op, 100));
    }

    [Fact]
    public void Buyer_without_funds_for_the_premium_changes_nothing()
    {
        RegisterWith(InsuranceChain.Terms(1, 10, 1, 1_000_000), 10_000);
        var poor = InsuranceChain.Address("poor");
        _chain.AddRound(1, poor, _op);
        _chain.Fails(_chain.Buy(poor, 1, _op, 100), Maci.Sdk.Errors.SdkErrors.InsufficientFunds);
    }

    private static UInt128 InsuranceKeeperAvailable(Operator op) => Maci.Modules.Insurance.Keeper.InsuranceKeeper.Available(op);
}
