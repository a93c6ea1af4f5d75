using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Keeper;

public sealed partial class InsuranceKeeper
{
    /// <summary>Registers (or re-registers a deregistered) operator with its key, terms and initial deposit.</summary>
    public SdkError? RegisterOperator(Context ctx, byte[] address, OperatorMetadata meta, CoordinatorKey key,
        UInt128 deposit, InsuranceTerms terms)
    {
        var p = GetParams(ctx);
        var existing = GetOperator(ctx, address);
        if (existing is { Status: OperatorStatus.Active })
            return InsuranceErrors.OperatorExists.Wrap($"operator {Addr(address)}");
        if (GetOperatorAddressByKey(ctx, key) is { } holder)
            return InsuranceErrors.DuplicatePubKey.Wrap($"key is registered to {Addr(holder)}");
        var min = Amounts.Read(p.MinDeposit);
        if (deposit < min)
            return InsuranceErrors.DepositTooSmall.Wrap($"deposit {Amounts.Show(deposit, p.Denom)} is below min_deposit {Amounts.Show(min, p.Denom)}");
        if (_bank.SendCoinsFromAccountToModule(ctx, address, Keys.ModuleAccountName, Amounts.CoinsOf(p.Denom, deposit)) is { } err)
            return err;

        var op = existing ?? new Operator
        {
            Address = Addr(address), Deposit = "0", Locked = "0", Unbonding = "0", TrackRecord = EmptyTrackRecord(),
        };
        meta.ApplyTo(op);
        op.PubKey = key.ToProto();
        op.Terms = terms.Clone();
        op.Deposit = Amounts.Write(Amounts.Read(op.Deposit) + deposit);
        op.Status = OperatorStatus.Active;
        SetOperator(ctx, address, op);
        Store(ctx).Set(key.IndexKey(), address);
        ctx.Events.Emit(InsuranceEvents.OperatorRegistered(op.Address, $"{op.PubKey.X},{op.PubKey.Y}", Amounts.Show(deposit, p.Denom)));
        return null;
    }

    /// <summary>
    /// Changes metadata (fields present in <paramref name="meta"/>), terms (when given; open policies keep theirs)
    /// and the key (when given; only while the operator serves no open round and has no locked coverage).
    /// </summary>
    public SdkError? UpdateOperator(Context ctx, byte[] address, OperatorMetadata meta, CoordinatorKey? newKey, InsuranceTerms? terms)
    {
        if (GetOperator(ctx, address) is not { } op) return InsuranceErrors.OperatorNotFound.Wrap(Addr(address));
        if (op.Status != OperatorStatus.Active) return InsuranceErrors.OperatorInactive.Wrap(op.Address);
        var rotate = false;
        byte[]? oldIndex = null;
        if (newKey is not null)
        {
            var oldKey = CoordinatorKey.FromStored(op.PubKey, op.Address);
            if (oldKey.Point != newKey.Point)
            {
                if (GetOperatorAddressByKey(ctx, newKey) is { } holder)
                    return InsuranceErrors.DuplicatePubKey.Wrap($"key is registered to {Addr(holder)}");
                if (Amounts.Read(op.Locked) != UInt128.Zero)
                    return InsuranceErrors.ServingOpenRound.Wrap($"{op.Address} has {op.Locked} locked coverage; key rotation refused");
                if (Rounds.OperatorHasOpenRound(ctx, address))
                    return InsuranceErrors.ServingOpenRound.Wrap($"{op.Address} coordinates an open round; key rotation refused");
                rotate = true;
                oldIndex = oldKey.IndexKey();
            }
        }
        meta.ApplyTo(op);
        if (terms is not null) op.Terms = terms.Clone();
        if (rotate)
        {
            Store(ctx).Delete(oldIndex!);
            Store(ctx).Set(newKey!.IndexKey(), address);
            op.PubKey = newKey.ToProto();
        }
        SetOperator(ctx, address, op);
        ctx.Events.Emit(InsuranceEvents.OperatorUpdated(op.Address, rotate));
        return null;
    }

    /// <summary>
    /// Releases the operator's key and starts unbonding its whole deposit. Refused while coverage is locked.
    /// The record stays (status deregistered) with its track record; a later registration reactivates it.
    /// </summary>
    public SdkError? DeregisterOperator(Context ctx, byte[] address, out UInt128 unbonding, out long completion)
    {
        unbonding = UInt128.Zero;
        completion = 0;
        if (GetOperator(ctx, address) is not { } op) return InsuranceErrors.OperatorNotFound.Wrap(Addr(address));
        if (op.Status != OperatorStatus.Active) return InsuranceErrors.OperatorInactive.Wrap(op.Address);
        if (Amounts.Read(op.Locked) is var locked && locked != UInt128.Zero)
            return InsuranceErrors.CoverageLocked.Wrap($"{op.Address} has {locked} locked coverage; deregistration refused");
        var key = CoordinatorKey.FromStored(op.PubKey, op.Address);
        var p = GetParams(ctx);
        unbonding = Available(op);
        completion = RoundInfo.SaturatingAdd(ctx.BlockTimeSeconds, p.UnbondingPeriodSeconds);
        if (unbonding != UInt128.Zero) ScheduleUnbonding(ctx, op, unbonding, completion);
        op.Status = OperatorStatus.Deregistered;
        Store(ctx).Delete(key.IndexKey());
        SetOperator(ctx, address, op);
        ctx.Events.Emit(InsuranceEvents.OperatorDeregistered(op.Address, Amounts.Show(unbonding, p.Denom), completion));
        return null;
    }

    internal static TrackRecord EmptyTrackRecord() =>
        new() { TotalInsured = "0", TotalSlashed = "0", TotalPremiums = "0" };
}
