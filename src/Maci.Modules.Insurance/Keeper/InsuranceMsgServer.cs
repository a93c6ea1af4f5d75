using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Modules.Insurance.Keeper;

/// <summary>
/// The module's messages: formats and ranges in ValidateBasic (no state), then the keeper's stateful checks and writes.
/// Handlers are host-agnostic; the node wires them by type URL.
/// </summary>
public sealed class InsuranceMsgServer(InsuranceKeeper keeper)
{
    public const ulong RegisterGas = 20_000;
    public const ulong UpdateGas = 10_000;
    public const ulong DeregisterGas = 10_000;
    public const ulong DepositGas = 5_000;
    public const ulong WithdrawGas = 5_000;
    public const ulong BuyGas = 10_000;

    public IReadOnlyList<MsgRoute> Routes =>
    [
        new MsgRoute<MsgRegisterOperator>(MsgRegisterOperator.Parser, m => [m.Operator], ValidateRegister, Register, RegisterGas),
        new MsgRoute<MsgUpdateOperator>(MsgUpdateOperator.Parser, m => [m.Operator], ValidateUpdate, Update, UpdateGas),
        new MsgRoute<MsgDeregisterOperator>(MsgDeregisterOperator.Parser, m => [m.Operator], ValidateDeregister, Deregister, DeregisterGas),
        new MsgRoute<MsgDeposit>(MsgDeposit.Parser, m => [m.Operator], m => ValidateAmountMsg(m.Operator, m.Amount, "amount"), Deposit, DepositGas),
        new MsgRoute<MsgWithdraw>(MsgWithdraw.Parser, m => [m.Operator], m => ValidateAmountMsg(m.Operator, m.Amount, "amount"), Withdraw, WithdrawGas),
        new MsgRoute<MsgBuyInsurance>(MsgBuyInsurance.Parser, m => [m.Buyer], ValidateBuy, Buy, BuyGas),
    ];

    private SdkError? Address(string text, string field, out byte[] raw) =>
        keeper.Accounts.Codec.TryDecode(text, out raw) is { } err ? err.Prefix($"invalid {field} address") : null;

    /// <summary>A coin with a valid denom and a positive integer amount (the denom is checked against params later).</summary>
    private static SdkError? PositiveCoin(ProtoCoin? coin, string field, out UInt128 amount)
    {
        amount = UInt128.Zero;
        if (coin is null) return InsuranceErrors.InvalidAmount.Wrap($"{field} is missing");
        if (!Coin.IsValidDenom(coin.Denom)) return InsuranceErrors.InvalidAmount.Wrap($"{field} has invalid denom '{Amounts.Clip(coin.Denom)}'");
        return Amounts.TryPositiveCoin(coin, coin.Denom, field, out amount);
    }

    private static SdkError? CheckDenom(Context ctx, InsuranceKeeper keeper, ProtoCoin coin, string field)
    {
        var denom = keeper.GetParams(ctx).Denom;
        return coin.Denom == denom ? null : InsuranceErrors.InvalidAmount.Wrap($"{field} must be in {denom}, got {coin.Denom}");
    }

    public SdkError? ValidateRegister(MsgRegisterOperator m) => ValidateRegister(m, checkGroup: true);

    // Handlers run after ValidateBasic (the tx runner guarantees it) and repeat only its cheap checks.
    private SdkError? ValidateRegister(MsgRegisterOperator m, bool checkGroup)
    {
        if (Address(m.Operator, "operator", out _) is { } e1) return e1;
        if (new OperatorMetadata(m.Moniker, m.Website, m.Identity).Validate() is { } e2) return e2;
        if (CoordinatorKey.TryParse(m.PubKey, checkGroup, out _) is { } e3) return e3;
        if (PositiveCoin(m.Deposit, "deposit", out _) is { } e4) return e4;
        return OperatorValidation.Terms(m.Terms);
    }

    public MsgResult Register(Context ctx, MsgRegisterOperator m)
    {
        if (ValidateRegister(m, checkGroup: false) is { } invalid) return invalid;
        if (CheckDenom(ctx, keeper, m.Deposit, "deposit") is { } denomErr) return denomErr;
        Address(m.Operator, "operator", out var op);
        CoordinatorKey.TryParse(m.PubKey, checkGroup: false, out var key);
        Amounts.TryPositiveCoin(m.Deposit, m.Deposit.Denom, "deposit", out var deposit);
        var meta = new OperatorMetadata(m.Moniker, m.Website, m.Identity);
        if (keeper.RegisterOperator(ctx, op, meta, key, deposit, m.Terms) is { } err) return err;
        return MsgResult.Ok(new MsgRegisterOperatorResponse());
    }

    public SdkError? ValidateUpdate(MsgUpdateOperator m) => ValidateUpdate(m, checkGroup: true);

    private SdkError? ValidateUpdate(MsgUpdateOperator m, bool checkGroup)
    {
        if (Address(m.Operator, "operator", out _) is { } e1) return e1;
        if (Meta(m).Validate() is { } e2) return e2;
        if (m.PubKey is not null && CoordinatorKey.TryParse(m.PubKey, checkGroup, out _) is { } e3) return e3;
        if (m.Terms is not null && OperatorValidation.Terms(m.Terms) is { } e4) return e4;
        return null;
    }

    private static OperatorMetadata Meta(MsgUpdateOperator m) =>
        new(m.HasMoniker ? m.Moniker : null, m.HasWebsite ? m.Website : null, m.HasIdentity ? m.Identity : null);

    public MsgResult Update(Context ctx, MsgUpdateOperator m)
    {
        if (ValidateUpdate(m, checkGroup: false) is { } invalid) return invalid;
        Address(m.Operator, "operator", out var op);
        CoordinatorKey? key = null;
        if (m.PubKey is not null) CoordinatorKey.TryParse(m.PubKey, checkGroup: false, out key);
        if (keeper.UpdateOperator(ctx, op, Meta(m), key, m.Terms) is { } err) return err;
        return MsgResult.Ok(new MsgUpdateOperatorResponse());
    }

    public SdkError? ValidateDeregister(MsgDeregisterOperator m) => Address(m.Operator, "operator", out _);

    public MsgResult Deregister(Context ctx, MsgDeregisterOperator m)
    {
        if (ValidateDeregister(m) is { } invalid) return invalid;
        Address(m.Operator, "operator", out var op);
        if (keeper.DeregisterOperator(ctx, op, out var amount, out var completion) is { } err) return err;
        var denom = keeper.GetParams(ctx).Denom;
        return MsgResult.Ok(new MsgDeregisterOperatorResponse
        {
            Unbonding = new ProtoCoin { Denom = denom, Amount = amount.ToString() }, CompletionTime = completion,
        });
    }

    private SdkError? ValidateAmountMsg(string operatorAddress, ProtoCoin? amount, string field)
    {
        if (Address(operatorAddress, "operator", out _) is { } e1) return e1;
        return PositiveCoin(amount, field, out _);
    }

    public MsgResult Deposit(Context ctx, MsgDeposit m)
    {
        if (ValidateAmountMsg(m.Operator, m.Amount, "amount") is { } invalid) return invalid;
        if (CheckDenom(ctx, keeper, m.Amount, "amount") is { } denomErr) return denomErr;
        Address(m.Operator, "operator", out var op);
        Amounts.TryPositiveCoin(m.Amount, m.Amount.Denom, "amount", out var amount);
        if (keeper.AddDeposit(ctx, op, amount) is { } err) return err;
        return MsgResult.Ok(new MsgDepositResponse());
    }

    public MsgResult Withdraw(Context ctx, MsgWithdraw m)
    {
        if (ValidateAmountMsg(m.Operator, m.Amount, "amount") is { } invalid) return invalid;
        if (CheckDenom(ctx, keeper, m.Amount, "amount") is { } denomErr) return denomErr;
        Address(m.Operator, "operator", out var op);
        Amounts.TryPositiveCoin(m.Amount, m.Amount.Denom, "amount", out var amount);
        if (keeper.Withdraw(ctx, op, amount, out var completion) is { } err) return err;
        return MsgResult.Ok(new MsgWithdrawResponse { CompletionTime = completion });
    }

    public SdkError? ValidateBuy(MsgBuyInsurance m)
    {
        if (Address(m.Buyer, "buyer", out _) is { } e1) return e1;
        if (Address(m.Operator, "operator", out _) is { } e2) return e2;
        return PositiveCoin(m.Premium, "premium", out _);
    }

    public MsgResult Buy(Context ctx, MsgBuyInsurance m)
    {
        if (ValidateBuy(m) is { } invalid) return invalid;
        if (CheckDenom(ctx, keeper, m.Premium, "premium") is { } denomErr) return denomErr;
        Address(m.Buyer, "buyer", out var buyer);
        Address(m.Operator, "operator", out var op);
        Amounts.TryPositiveCoin(m.Premium, m.Premium.Denom, "premium", out var premium);
        if (keeper.BuyInsurance(ctx, buyer, m.RoundId, op, premium, out var policy) is { } err) return err;
        return MsgResult.Ok(new MsgBuyInsuranceResponse
        {
            Coverage = policy.Coverage, VotingPart = policy.VotingPart, TallyPart = policy.TallyPart,
        });
    }
}
