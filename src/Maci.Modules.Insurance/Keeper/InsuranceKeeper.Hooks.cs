using Google.Protobuf;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Keeper;

public sealed partial class InsuranceKeeper
{
    private Policy? ActivePolicy(Context ctx, ulong roundId) =>
        GetPolicy(ctx, roundId) is { Status: PolicyStatus.Active } policy ? policy : null;

    public SdkError? DeactivateMessagesPublished(Context ctx, ulong roundId, ulong count, long time)
    {
        if (ActivePolicy(ctx, roundId) is not { } policy || count == 0) return null;
        if (policy.PendingDeactivations > ulong.MaxValue - count)
            return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId}: pending deactivate count overflows");
        var batch = new DeactivateBatch { RoundId = roundId, Seq = policy.NextBatchSeq, PublishedAt = time, Remaining = count };
        Store(ctx).Set(Keys.DeactivateBatch(roundId, batch.Seq), batch.ToByteArray());
        policy.NextBatchSeq++;
        policy.PendingDeactivations += count;
        SetPolicy(ctx, policy);
        ctx.Events.Emit(InsuranceEvents.DeactivationsRecorded(roundId, policy.Operator, count, 0, policy.PendingDeactivations));
        return null;
    }

    /// <summary>
    /// Consumes the oldest published messages first. A message is late when time − published_at exceeds the
    /// round's deactivate delay (strictly, as Dora). The voting slash after n late messages is
    /// min(voting_part, ⌊voting_part·min(n·bps, 10000)/10000⌋), so it is linear in n and capped.
    /// </summary>
    public SdkError? DeactivateMessagesProcessed(Context ctx, ulong roundId, ulong count, long time)
    {
        if (ActivePolicy(ctx, roundId) is not { } policy || count == 0) return null;
        if (count > policy.PendingDeactivations)
            return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId}: {count} deactivate messages processed but only {policy.PendingDeactivations} are pending");
        if (Rounds.GetRound(ctx, roundId) is not { } round)
            return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId} is insured but unknown to the rounds module");
        var delay = round.Delays.DeactivateDelay;

        var store = Store(ctx);
        var prefix = Keys.DeactivateBatches(roundId);
        var batches = new List<DeactivateBatch>();
        ulong gathered = 0;
        using (var it = store.Iterate(prefix, Keys.PrefixEnd(prefix)))
            for (; it.Valid && gathered < count; it.Next())
            {
                var b = DeactivateBatch.Parser.ParseFrom(it.Value);
                batches.Add(b);
                gathered += b.Remaining;
            }
        if (gathered < count) throw new InvalidDataException($"round {roundId}: deactivate batches hold fewer messages than the policy's pending count");

        ulong late = 0, left = count;
        foreach (var b in batches)
        {
            var take = Math.Min(left, b.Remaining);
            if (IsLate(b.PublishedAt, time, delay)) late += take;
            b.Remaining -= take;
            left -= take;
            if (b.Remaining == 0) store.Delete(Keys.DeactivateBatch(roundId, b.Seq));
            else store.Set(Keys.DeactivateBatch(roundId, b.Seq), b.ToByteArray());
        }
        policy.PendingDeactivations -= count;
        var denom = GetParams(ctx).Denom;
        UInt128 slash = UInt128.Zero;
        if (late > 0)
        {
            policy.LateDeactivations = SatAdd(policy.LateDeactivations, late);
            var target = VotingSlashFor(Amounts.Read(policy.VotingPart), policy.LateDeactivations, GetParams(ctx).DeactivateSlashBps);
            var already = Amounts.Read(policy.VotingSlashed);
            if (target > already)
            {
                slash = target - already;
                policy.VotingSlashed = Amounts.Write(target);
            }
        }
        SetPolicy(ctx, policy);
        ctx.Events.Emit(InsuranceEvents.DeactivationsRecorded(roundId, policy.Operator, count, late, policy.PendingDeactivations));
        if (slash != UInt128.Zero)
            ctx.Events.Emit(InsuranceEvents.OperatorSlashed(roundId, policy.Operator, InsuranceEvents.ReasonLateDeactivation, Amounts.Show(slash, denom)));
        return null;
    }

    public SdkError? TallyFinished(Context ctx, ulong roundId, long time)
    {
        if (ActivePolicy(ctx, roundId) is not { } policy) return null;
        if (policy.Tally != TallyOutcome.Pending)
            return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId}: tally already recorded as {policy.Tally}");
        if (Rounds.GetRound(ctx, roundId) is not { } round)
            return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId} is insured but unknown to the rounds module");
        RecordTally(ctx, policy, round, time);
        SetPolicy(ctx, policy);
        return null;
    }

    public SdkError? RoundEnded(Context ctx, ulong roundId, long time)
    {
        if (ActivePolicy(ctx, roundId) is not { } policy) return null;
        if (policy.Tally == TallyOutcome.Pending)
        {
            // A round that ends without a TallyFinished call is judged as if its tally finished now.
            if (Rounds.GetRound(ctx, roundId) is not { } round)
                return InsuranceErrors.InvalidHookCall.Wrap($"round {roundId} is insured but unknown to the rounds module");
            RecordTally(ctx, policy, round, time);
        }
        Settle(ctx, policy, time);
        return null;
    }

    /// <summary>On time up to voting end + tally delay; late after it; missed after the hard timeout (everything left is slashed).</summary>
    private void RecordTally(Context ctx, Policy policy, RoundInfo round, long time)
    {
        var p = GetParams(ctx);
        if (time > round.HardTimeout(p.TallyTimeoutSeconds)) SlashAll(ctx, policy, p.Denom);
        else if (time > round.TallyDeadline)
        {
            policy.Tally = TallyOutcome.Late;
            var tallyPart = Amounts.Read(policy.TallyPart);
            var slash = WideMath.MulDivFloor(tallyPart, p.LateTallySlashBps, InsuranceParams.BasisPoints);
            policy.TallySlashed = Amounts.Write(slash);
            if (slash != UInt128.Zero)
                ctx.Events.Emit(InsuranceEvents.OperatorSlashed(policy.RoundId, policy.Operator, InsuranceEvents.ReasonLateTally, Amounts.Show(slash, p.Denom)));
        }
        else policy.Tally = TallyOutcome.OnTime;
        ctx.Events.Emit(InsuranceEvents.TallyRecorded(policy.RoundId, policy.Operator, OutcomeName(policy.Tally)));
    }

    /// <summary>Missed tally: the remaining voting part and the whole tally part are slashed.</summary>
    private static void SlashAll(Context ctx, Policy policy, string denom)
    {
        var votingPart = Amounts.Read(policy.VotingPart);
        var tallyPart = Amounts.Read(policy.TallyPart);
        var slash = votingPart - Amounts.Read(policy.VotingSlashed) + tallyPart - Amounts.Read(policy.TallySlashed);
        policy.VotingSlashed = Amounts.Write(votingPart);
        policy.TallySlashed = Amounts.Write(tallyPart);
        policy.Tally = TallyOutcome.Missed;
        if (slash != UInt128.Zero)
            ctx.Events.Emit(InsuranceEvents.OperatorSlashed(policy.RoundId, policy.Operator, InsuranceEvents.ReasonMissedTally, Amounts.Show(slash, denom)));
    }

    /// <summary>The total voting-part slash after <paramref name="lateCount"/> late deactivate messages.</summary>
    public static UInt128 VotingSlashFor(UInt128 votingPart, ulong lateCount, uint bpsPerMessage)
    {
        var bps = (UInt128)lateCount * bpsPerMessage;
        var capped = bps >= InsuranceParams.BasisPoints ? InsuranceParams.BasisPoints : (ulong)bps;
        return WideMath.MulDivFloor(votingPart, capped, InsuranceParams.BasisPoints);
    }

    private static bool IsLate(long publishedAt, long processedAt, ulong delay) =>
        processedAt > RoundInfo.SaturatingAdd(publishedAt, delay);

    private static ulong SatAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    internal static string OutcomeName(TallyOutcome outcome) => outcome switch
    {
        TallyOutcome.OnTime => "on_time",
        TallyOutcome.Late => "late",
        TallyOutcome.Missed => "missed",
        _ => "pending",
    };
}
