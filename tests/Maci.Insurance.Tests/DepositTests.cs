using Maci.Insurance.Tests.Support;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;

namespace Maci.Insurance.Tests;

public class DepositTests : IDisposable
{
    private readonly InsuranceChain _chain = new();
    private readonly byte[] _op = InsuranceChain.Address("operator");

    public DepositTests()
    {
        _chain.Fund(_op, 10_000);
        _chain.Ok(_chain.Register(_op, 3, 1_000));
    }

    public void Dispose() => _chain.Dispose();

    private string Op => _chain.Bech(_op);

    [Fact]
    public void Deposits_add_to_the_operator_and_the_module_account()
    {
        _chain.Ok(new MsgDeposit { Operator = Op, Amount = InsuranceChain.C(2_345) });
        Assert.Equal("3345", _chain.Operator(_op).Deposit);
        Assert.Equal((UInt128)3_345, _chain.ModuleBalance);
        var ev = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeDepositAdded);
        Assert.Equal("2345umaci", ev.Get(InsuranceEvents.KeyAmount));
        Assert.Equal("3345umaci", ev.Get(InsuranceEvents.KeyDeposit));
        _chain.AssertInvariants();
    }

    [Fact]
    public void Withdrawals_unbond_for_the_period_then_are_released_in_EndBlock()
    {
        var start = _chain.Now;
        var r = (MsgWithdrawResponse)_chain.Ok(new MsgWithdraw { Operator = Op, Amount = InsuranceChain.C(400) });
        Assert.Equal(start + 100, r.CompletionTime);
        var started = Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeWithdrawalStarted);
        Assert.Equal("400umaci", started.Get(InsuranceEvents.KeyAmount));
        Assert.Equal((start + 100).ToString(), started.Get(InsuranceEvents.KeyCompletionTime));
        Assert.Equal(Op, started.Get(InsuranceEvents.KeyOperator));
        _chain.Now += 10;
        _chain.Ok(new MsgWithdraw { Operator = Op, Amount = InsuranceChain.C(350) });
        var op = _chain.Operator(_op);
        Assert.Equal("1000", op.Deposit);
        Assert.Equal("750", op.Unbonding);
        _chain.Fails(new MsgWithdraw { Operator = Op, Amount = InsuranceChain.C(251) }, InsuranceErrors.InsufficientAvailable);

        _chain.Now = start + 99;
        _chain.EndBlock();
        Assert.Equal((UInt128)9_000, _chain.Balance(_op));
        _chain.Now = start + 100;
        _chain.EndBlock();
        Assert.Equal((UInt128)9_400, _chain.Balance(_op));
        Assert.Equal("400umaci", Assert.Single(_chain.LastEvents, e => e.Type == InsuranceEvents.TypeWithdrawalCompleted).Get(InsuranceEvents.KeyAmount));
        op = _chain.Operator(_op);
        Assert.Equal("600", op.Deposit);
        Assert.Equal("350", op.Unbonding);
        _chain.AssertInvariants();
        _chain.Now = start + 1_000;
        _chain.EndBlock();
        Assert.Equal((UInt128)9_750, _chain.Balance(_op));
        Assert.Equal("250", _chain.Operator(_op).Deposit);
        Assert.Equal("0", _chain.Operator(_op).Unbonding);
        _chain.AssertInvariants();
    }

    [Fact]
    public void A_deposit_larger_than_the_balance_fails_with_insufficient_funds_and_no_change()
    {
        _chain.Fails(new MsgDeposit { Operator = Op, Amount = InsuranceChain.C(9_001) }, Maci.Sdk.Errors.SdkErrors.InsufficientFunds);
    }
}
