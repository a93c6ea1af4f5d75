using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Keeper;

public sealed partial class InsuranceKeeper
{
    /// <summary>
    /// The round owner buys insurance from the round's operator before voting starts. The premium must lie within
    /// the operator's [min, max] and satisfy premium ≤ available·loss_ratio; coverage = ⌊premium/loss_ratio⌋ is locked
    /// and split into a voting part ⌊coverage·voting_part_bps/10000⌋ and a tally part (the remainder).
    /// </summary>
    public SdkError? BuyInsurance(Context ctx, byte[] buyer, ulong roundId, byte[] operatorAddress, UInt128 premium, out Policy policy)
    {
        policy = null!;
        var p = GetParams(ctx);
        if (premium == UInt128.Zero) return InsuranceErrors.InvalidAmount.Wrap("premium must be positive");
        if (GetOperator(ctx, operatorAddress) is not { } op) return InsuranceErrors.OperatorNotFound.Wrap(Addr(operatorAddress));
        if (Rounds.GetRound(ctx, roundId) is not { } round) return InsuranceErrors.RoundNotFound.Wrap($"round {roundId}");
        if (!round.Owner.AsSpan().SequenceEqual(buyer))
            return InsuranceErrors.NotRoundOwner.Wrap($"round {roundId} is owned by {Addr(round.Owner)}, not {Addr(buyer)}");
        if (!round.Operator.AsSpan().SequenceEqual(operatorAddress))
            return InsuranceErrors.OperatorMismatch.Wrap($"round {roundId} is coordinated by {Addr(round.Operator)}, not {op.Address}");
        if (round.Status != RoundStatus.Pending || ctx.BlockTimeSeconds >= round.VotingStart)
            return InsuranceErrors.VotingStarted.Wrap($"round {roundId} voting starts at {round.VotingStart}, block time is {ctx.BlockTimeSeconds}");
        if (GetPolicy(ctx, roundId) is not null) return InsuranceErrors.PolicyExists.Wrap($"round {roundId}");
        if (op.Status != OperatorStatus.Active) return InsuranceErrors.OperatorInactive.Wrap(op.Address);

        var terms = op.Terms;
        var min = Amounts.Read(terms.MinPremium);
        var max = Amounts.Read(terms.MaxPremium);
        if (premium < min) return InsuranceErrors.PremiumTooLow.Wrap($"premium {Amounts.Show(premium, p.Denom)} < min_premium {Amounts.Show(min, p.Denom)}");
        if (premium > max) return InsuranceErrors.PremiumTooHigh.Wrap($"premium {Amounts.Show(premium, p.Denom)} > max_premium {Amounts.Show(max, p.Denom)}");
        var ratio = LossRatio.Of(terms);
        var available = Available(op);
        if (!ratio.Allows(premium, available))
            return InsuranceErrors.PremiumTooHigh.Wrap(
                $"premium {Amounts.Show(premium, p.Denom)} > max_compensation {Amounts.Show(available, p.Denom)} × loss ratio {ratio} = {Amounts.Show(ratio.MaxPremiumFor(available), p.Denom)}");
        var coverage = ratio.CoverageFor(premium);
        var votingPart = WideMath.MulDivFloor(coverage, p.VotingPartBps, InsuranceParams.BasisPoints);
        var tallyPart = coverage - votingPart;
        if (_bank.SendCoinsFromAccountToModule(ctx, buyer, Keys.ModuleAccountName, Amounts.CoinsOf(p.Denom, premium)) is { } err)
            return err;

        policy = new Policy
        {
            RoundId = roundId, Operator = op.Address, Owner = Addr(buyer), Premium = Amounts.Write(premium),
            Coverage = Amounts.Write(coverage), VotingPart = Amounts.Write(votingPart), TallyPart = Amounts.Write(tallyPart),
            VotingSlashed = "0", TallySlashed = "0", Tally = TallyOutcome.Pending, Status = PolicyStatus.Active,
            LossRatioNumerator = ratio.Numerator, LossRatioDenominator = ratio.Denominator, BoughtAt = ctx.BlockTimeSeconds,
        };
        SetPolicy(ctx, policy);
        Store(ctx).Set(Keys.ActivePolicy(roundId), [1]);
        Store(ctx).Set(Keys.OperatorPolicy(operatorAddress, roundId), [1]);
        op.Locked = Amounts.Write(Amounts.Read(op.Locked) + coverage);
        SetOperator(ctx, operatorAddress, op);
        ctx.Events.Emit(InsuranceEvents.InsuranceBought(roundId, op.Address, policy.Owner, Amounts.Show(premium, p.Denom),
            Amounts.Show(coverage, p.Denom), Amounts.Show(votingPart, p.Denom), Amounts.Show(tallyPart, p.Denom)));
        return null;
    }

    /// <summary>
    /// Closes an active policy: the slashed amount leaves the operator's deposit for the owner, the rest of the
    /// coverage unlocks, the escrowed premium goes to the operator and the track record is updated.
    /// </summary>
    private void Settle(Context ctx, Policy policy, long time)
    {
        var denom = GetParams(ctx).Denom;
        var opRaw = Raw(policy.Operator);
        var op = GetOperator(ctx, opRaw) ?? throw new InvalidDataException($"policy of round {policy.RoundId} names unknown operator {policy.Operator}");
        var coverage = Amounts.Read(policy.Coverage);
        var slashed = Amounts.Read(policy.VotingSlashed) + Amounts.Read(policy.TallySlashed);
        var premium = Amounts.Read(policy.Premium);
        var locked = Amounts.Read(op.Locked);
        var deposit = Amounts.Read(op.Deposit);
        if (slashed > coverage || coverage > locked || slashed > deposit)
            throw new InvalidDataException($"policy of round {policy.RoundId} is inconsistent with operator {policy.Operator}");

        if (_bank.SendCoinsFromModuleToAccount(ctx, Keys.ModuleAccountName, Raw(policy.Owner), Amounts.CoinsOf(denom, slashed)) is { } e1)
            throw new InvalidOperationException($"insurance module account cannot pay the slash of round {policy.RoundId}: {e1.Log}");
        if (_bank.SendCoinsFromModuleToAccount(ctx, Keys.ModuleAccountName, opRaw, Amounts.CoinsOf(denom, premium)) is { } e2)
            throw new InvalidOperationException($"insurance module account cannot pay the premium of round {policy.RoundId}: {e2.Log}");

        op.Deposit = Amounts.Write(deposit - slashed);
        op.Locked = Amounts.Write(locked - coverage);
        var tr = op.TrackRecord ?? EmptyTrackRecord();
        tr.RoundsServed++;
        if (slashed != UInt128.Zero) tr.RoundsSlashed++;
        tr.LateDeactivations += policy.LateDeactivations;
        if (policy.Tally == TallyOutcome.Late) tr.LateTallies++;
        if (policy.Tally == TallyOutcome.Missed) tr.MissedTallies++;
        tr.TotalInsured = Amounts.Write(Amounts.Read(tr.TotalInsured) + coverage);
        tr.TotalSlashed = Amounts.Write(Amounts.Read(tr.TotalSlashed) + slashed);
        tr.TotalPremiums = Amounts.Write(Amounts.Read(tr.TotalPremiums) + premium);
        op.TrackRecord = tr;
        SetOperator(ctx, opRaw, op);

        var store = Store(ctx);
        var batchPrefix = Keys.DeactivateBatches(policy.RoundId);
        var stale = new List<byte[]>();
        using (var it = store.Iterate(batchPrefix, Keys.PrefixEnd(batchPrefix)))
            for (; it.Valid; it.Next()) stale.Add(it.Key.ToArray());
        foreach (var k in stale) store.Delete(k);
        store.Delete(Keys.ActivePolicy(policy.RoundId));
        policy.Status = PolicyStatus.Settled;
        policy.SettledAt = time;
        SetPolicy(ctx, policy);
        ctx.Events.Emit(InsuranceEvents.PolicySettled(policy.RoundId, policy.Operator, policy.Owner,
            Amounts.Show(slashed, denom), Amounts.Show(coverage - slashed, denom), Amounts.Show(premium, denom)));
    }
}
