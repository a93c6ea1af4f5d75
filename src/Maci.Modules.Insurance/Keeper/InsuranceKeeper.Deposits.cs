using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Keeper;

public sealed partial class InsuranceKeeper
{
    public SdkError? AddDeposit(Context ctx, byte[] address, UInt128 amount)
    {
        if (amount == UInt128.Zero) return InsuranceErrors.InvalidAmount.Wrap("deposit must be positive");
        if (GetOperator(ctx, address) is not { } op) return InsuranceErrors.OperatorNotFound.Wrap(Addr(address));
        if (op.Status != OperatorStatus.Active) return InsuranceErrors.OperatorInactive.Wrap(op.Address);
        var p = GetParams(ctx);
        if (_bank.SendCoinsFromAccountToModule(ctx, address, Keys.ModuleAccountName, Amounts.CoinsOf(p.Denom, amount)) is { } err)
            return err;
        op.Deposit = Amounts.Write(Amounts.Read(op.Deposit) + amount);
        SetOperator(ctx, address, op);
        ctx.Events.Emit(InsuranceEvents.DepositAdded(op.Address, Amounts.Show(amount, p.Denom), Amounts.Show(Amounts.Read(op.Deposit), p.Denom)));
        return null;
    }

    /// <summary>Moves <paramref name="amount"/> of the available deposit into unbonding; released in EndBlock when mature.</summary>
    public SdkError? Withdraw(Context ctx, byte[] address, UInt128 amount, out long completion)
    {
        completion = 0;
        if (amount == UInt128.Zero) return InsuranceErrors.InvalidAmount.Wrap("withdrawal must be positive");
        if (GetOperator(ctx, address) is not { } op) return InsuranceErrors.OperatorNotFound.Wrap(Addr(address));
        var p = GetParams(ctx);
        var available = Available(op);
        if (amount > available)
            return InsuranceErrors.InsufficientAvailable.Wrap(
                $"withdrawal {Amounts.Show(amount, p.Denom)} > available {Amounts.Show(available, p.Denom)} (deposit {op.Deposit}, locked {op.Locked}, unbonding {op.Unbonding})");
        completion = RoundInfo.SaturatingAdd(ctx.BlockTimeSeconds, p.UnbondingPeriodSeconds);
        ScheduleUnbonding(ctx, op, amount, completion);
        SetOperator(ctx, address, op);
        ctx.Events.Emit(InsuranceEvents.WithdrawalStarted(op.Address, Amounts.Show(amount, p.Denom), completion));
        return null;
    }

    /// <summary>Adds a queue entry and raises the operator's unbonding total (the caller stores the operator).</summary>
    private void ScheduleUnbonding(Context ctx, Operator op, UInt128 amount, long completion)
    {
        var seq = GetNextUnbondingSeq(ctx);
        SetNextUnbondingSeq(ctx, seq + 1);
        var entry = new UnbondingEntry { Seq = seq, Operator = op.Address, Amount = Amounts.Write(amount), CompletionTime = completion };
        Store(ctx).Set(Keys.Unbonding(completion, seq), entry.ToByteArray());
        op.Unbonding = Amounts.Write(Amounts.Read(op.Unbonding) + amount);
    }

    /// <summary>Pays out every unbonding entry whose completion time is at or before the block time.</summary>
    public void MatureUnbondings(Context ctx)
    {
        var store = Store(ctx);
        var matured = new List<(byte[] Key, UnbondingEntry Entry)>();
        using (var it = store.Iterate([Keys.UnbondingPrefix], Keys.UnbondingMaturedEnd(ctx.BlockTimeSeconds)))
            for (; it.Valid; it.Next())
                matured.Add((it.Key.ToArray(), UnbondingEntry.Parser.ParseFrom(it.Value)));
        if (matured.Count == 0) return;
        var denom = GetParams(ctx).Denom;
        foreach (var (key, entry) in matured)
        {
            var raw = Raw(entry.Operator);
            var op = GetOperator(ctx, raw) ?? throw new InvalidDataException($"unbonding entry {entry.Seq} of unknown operator {entry.Operator}");
            var amount = Amounts.Read(entry.Amount);
            var unbonding = Amounts.Read(op.Unbonding);
            var deposit = Amounts.Read(op.Deposit);
            if (amount > unbonding || amount > deposit)
                throw new InvalidDataException($"unbonding entry {entry.Seq} of {entry.Operator} exceeds its operator's totals");
            if (_bank.SendCoinsFromModuleToAccount(ctx, Keys.ModuleAccountName, raw, Amounts.CoinsOf(denom, amount)) is { } err)
                throw new InvalidOperationException($"insurance module account cannot pay unbonding entry {entry.Seq}: {err.Log}");
            op.Unbonding = Amounts.Write(unbonding - amount);
            op.Deposit = Amounts.Write(deposit - amount);
            SetOperator(ctx, raw, op);
            store.Delete(key);
            ctx.Events.Emit(InsuranceEvents.WithdrawalCompleted(entry.Operator, Amounts.Show(amount, denom)));
        }
    }
}
