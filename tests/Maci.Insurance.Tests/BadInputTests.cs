using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Errors;

namespace Maci.Insurance.Tests;

public class BadInputTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");
    private readonly byte[] _owner = InsuranceChain.Address("owner");
    private readonly byte[] _stranger = InsuranceChain.Address("stranger");

    public BadInputTests()
    {
        _chain.Fund(_op, 10_000);
        _chain.Fund(_owner, 10_000);
        _chain.Fund(_stranger, 10_000);
        _chain.Ok(_chain.Register(_op, 3, 5_000));
        _chain.AddRound(1, _owner, _op);
    }

    public void Dispose() => _chain.Dispose();

    [Fact]
    public void Unknown_operator()
    {
        _chain.Fails(new MsgDeposit { Operator = _chain.Bech(_stranger), Amount = InsuranceChain.C(10) }, InsuranceErrors.OperatorNotFound);
        _chain.Fails(new MsgWithdraw { Operator = _chain.Bech(_stranger), Amount = InsuranceChain.C(10) }, InsuranceErrors.OperatorNotFound);
        _chain.Fails(new MsgDeregisterOperator { Operator = _chain.Bech(_stranger) }, InsuranceErrors.OperatorNotFound);
        _chain.Fails(new MsgUpdateOperator { Operator = _chain.Bech(_stranger), Moniker = "x" }, InsuranceErrors.OperatorNotFound);
        _chain.Fails(_chain.Buy(_owner, 1, _stranger, 10), InsuranceErrors.OperatorNotFound);
    }

    [Fact]
    public void Unknown_round_and_wrong_operator_for_the_round()
    {
        _chain.Fails(_chain.Buy(_owner, 42, _op, 10), InsuranceErrors.RoundNotFound);
        var other = InsuranceChain.Address("other-op");
        _chain.Fund(other, 5_000);
        _chain.Ok(_chain.Register(other, 4, 1_000));
        _chain.Fails(_chain.Buy(_owner, 1, other, 10), InsuranceErrors.OperatorMismatch);
    }

    [Fact]
    public void A_non_owner_cannot_buy()
    {
        var err = _chain.Fails(_chain.Buy(_stranger, 1, _op, 10), InsuranceErrors.NotRoundOwner);
        Assert.Contains(_chain.Bech(_owner), err.Log);
    }

    [Fact]
    public void Premium_above_the_maximum()
    {
        _chain.Fails(_chain.Buy(_owner, 1, _op, 501), InsuranceErrors.PremiumTooHigh); // 5000 · 1/10 = 500
    }

    [Fact]
    public void Buying_after_voting_started()
    {
        _chain.Now += 100;
        _chain.Fails(_chain.Buy(_owner, 1, _op, 10), InsuranceErrors.VotingStarted);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("")]
    [InlineData("1.5")]
    [InlineData("12abc")]
    public void Zero_negative_or_malformed_amounts(string amount)
    {
        var coin = new Maci.Proto.Cosmos.Base.V1Beta1.Coin { Denom = InsuranceChain.Denom, Amount = amount };
        _chain.Fails(new MsgDeposit { Operator = _chain.Bech(_op), Amount = coin }, InsuranceErrors.InvalidAmount);
        _chain.Fails(new MsgWithdraw { Operator = _chain.Bech(_op), Amount = coin }, InsuranceErrors.InvalidAmount);
        _chain.Fails(new MsgBuyInsurance { Buyer = _chain.Bech(_owner), RoundId = 1, Operator = _chain.Bech(_op), Premium = coin }, InsuranceErrors.InvalidAmount);
        var reg = _chain.Register(_stranger, 8, 1_000);
        reg.Deposit = coin;
        _chain.Fails(reg, InsuranceErrors.InvalidAmount);
    }

    [Fact]
    public void Missing_or_foreign_denom_amounts()
    {
        _chain.Fails(new MsgDeposit { Operator = _chain.Bech(_op) }, InsuranceErrors.InvalidAmount);
        _chain.Fails(new MsgDeposit { Operator = _chain.Bech(_op), Amount = InsuranceChain.C(10, "uatom") }, InsuranceErrors.InvalidAmount);
        var buy = _chain.Buy(_owner, 1, _op, 10);
        buy.Premium = InsuranceChain.C(10, "uatom");
        _chain.Fails(buy, InsuranceErrors.InvalidAmount);
    }

    [Fact]
    public void Malformed_addresses()
    {
        _chain.Fails(new MsgDeposit { Operator = "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a", Amount = InsuranceChain.C(10) }, SdkErrors.InvalidAddress);
        _chain.Fails(new MsgDeregisterOperator { Operator = "" }, SdkErrors.InvalidAddress);
        var buy = _chain.Buy(_owner, 1, _op, 10);
        buy.Buyer = "not-an-address";
        _chain.Fails(buy, SdkErrors.InvalidAddress);
    }
}
