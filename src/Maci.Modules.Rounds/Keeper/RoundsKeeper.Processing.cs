using System.Numerics;
using Maci.Crypto.Amaci;
using Maci.Crypto.Bn254;
using Maci.Crypto.Trees;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    public SdkError? StartProcessPeriod(Context ctx, ulong roundId)
    {
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (RequirePeriod(round, state, Period.Pending, "start process period") is { } pe) return pe;
        if (!AfterVoting(round, Now(ctx))) return RoundsErrors.VotingNotEnded.Wrap($"voting ends at {round.VotingEnd}");
        if (state.ProcessedDmsgCount != state.DmsgChainLength)
            return RoundsErrors.DeactivateBacklog.Wrap($"{state.DmsgChainLength - state.ProcessedDmsgCount} of {state.DmsgChainLength}");
        SetPeriod(ctx, round.Id, state, Period.Processing);
        state.CurrentStateCommitment = Fields.Write(AmaciHashes.Commitment(StateRoot(ctx, round), Fr.Zero));
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.PeriodChanged(round.Id, state));
        return null;
    }

    /// <summary>The next batch, newest first: start = ⌊(len − processed − 1)/batch⌋·batch, end = min(start + batch, len).</summary>
    public static (ulong Start, ulong End) NextMessageBatch(ulong chainLength, ulong processed, ulong batchSize)
    {
        var start = (chainLength - processed - 1) / batchSize * batchSize;
        return (start, Math.Min(start + batchSize, chainLength));
    }

    public SdkError? ProcessMessage(Context ctx, MsgProcessMessage m)
    {
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequirePeriod(round, state, Period.Processing, "process message") is { } pe) return pe;
        if (state.ProcessedMsgCount >= state.MsgChainLength)
            return RoundsErrors.NothingToProcess.Wrap($"all {state.MsgChainLength} messages are processed");
        if (Fields.TryParse(m.NewStateCommitment, "new_state_commitment", out var next) is { } ce) return ce;
        var (start, end) = NextMessageBatch(state.MsgChainLength, state.ProcessedMsgCount, round.CircuitSize.MessageBatchSize);
        var quadratic = round.CircuitType == CircuitType.Quadratic;
        var coordHash = Fields.Read(state.CoordinatorHash);
        var current = Fields.Read(state.CurrentStateCommitment);
        var from = GetMsgHash(ctx, round.Id, start);
        var to = GetMsgHash(ctx, round.Id, end);
        if (RoundFormat(ctx, round, out var format) is { } fe) return fe;
        var input = round.Kind != RoundKind.Maci
            ? PublicInputs.ProcessMessages((ulong)round.VoteOptions.Count, state.NumSignUps, quadratic, round.MaxVotesPerOption,
                coordHash, from, to, current, next, Fields.Read(state.CurrentDeactivateCommitment), round.Id)
            : format == MaciFormat.PollId
                ? PublicInputs.MaciProcessMessagesWithPollId((ulong)round.VoteOptions.Count, state.NumSignUps, quadratic, coordHash, from, to, current, next, round.Id)
                : PublicInputs.MaciProcessMessages((ulong)round.VoteOptions.Count, state.NumSignUps, quadratic, coordHash, from, to, current, next);
        if (Verify(ctx, round, k => k.Process, "process", m.Proof, input) is { } ve) return ve;
        state.CurrentStateCommitment = Fields.Write(next);
        state.ProcessedMsgCount += end - start;
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Processed(round.Id, "process_message", start, end, state.ProcessedMsgCount, next));
        return null;
    }

    public SdkError? StopProcessingPeriod(Context ctx, ulong roundId)
    {
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (RequirePeriod(round, state, Period.Processing, "stop processing period") is { } pe) return pe;
        if (state.NumSignUps != 0 && state.ProcessedMsgCount != state.MsgChainLength)
            return RoundsErrors.ProcessingIncomplete.Wrap($"{state.ProcessedMsgCount} of {state.MsgChainLength} messages processed");
        SetPeriod(ctx, round.Id, state, Period.Tallying);
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.PeriodChanged(round.Id, state));
        return null;
    }

    public SdkError? ProcessTally(Context ctx, MsgProcessTally m)
    {
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequirePeriod(round, state, Period.Tallying, "process tally") is { } pe) return pe;
        if (state.ProcessedUserCount >= state.NumSignUps)
            return RoundsErrors.NothingToProcess.Wrap($"all {state.NumSignUps} users are tallied");
        if (Fields.TryParse(m.NewTallyCommitment, "new_tally_commitment", out var next) is { } ce) return ce;
        var batch = CircuitSizes.Pow5(round.CircuitSize.IntStateTreeDepth);
        var batchNum = state.ProcessedUserCount / batch;
        var input = PublicInputs.Tally(batchNum, state.NumSignUps, Fields.Read(state.CurrentStateCommitment),
            Fields.Read(state.CurrentTallyCommitment), next);
        if (Verify(ctx, round, k => k.Tally, "tally", m.Proof, input) is { } ve) return ve;
        state.CurrentTallyCommitment = Fields.Write(next);
        state.ProcessedUserCount += batch;
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Processed(round.Id, "process_tally", batchNum * batch, state.ProcessedUserCount, state.ProcessedUserCount, next));
        return null;
    }

    public SdkError? StopTallyingPeriod(Context ctx, MsgStopTallyingPeriod m)
    {
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequirePeriod(round, state, Period.Tallying, "stop tallying period") is { } pe) return pe;
        if (state.ProcessedUserCount < state.NumSignUps)
            return RoundsErrors.ProcessingIncomplete.Wrap($"{state.ProcessedUserCount} of {state.NumSignUps} users tallied");
        if (m.Results.Count > round.VoteOptions.Count)
            return RoundsErrors.ResultsMismatch.Wrap($"{m.Results.Count} results for {round.VoteOptions.Count} options");
        var results = new Fr[m.Results.Count];
        for (var i = 0; i < results.Length; i++)
            if (Fields.TryParse(m.Results[i], $"results[{i}]", out results[i]) is { } re) return re;
        if (Fields.TryParse(m.Salt, "salt", out var salt) is { } se) return se;
        if (state.NumSignUps == 0)
        {
            foreach (var r in results)
                if (!r.IsZero) return RoundsErrors.ResultsMismatch.Wrap("a round without voters has only zero results");
        }
        else
        {
            var root = PoseidonMerkleTree.ComputeRoot(5, (int)round.CircuitSize.VoteOptionTreeDepth, Fr.Zero, results);
            if (AmaciHashes.Commitment(root, salt) != Fields.Read(state.CurrentTallyCommitment))
                return RoundsErrors.ResultsMismatch.Wrap("H2(results root, salt) differs from the tally commitment");
        }

        var total = BigInteger.Zero;
        var stored = new RoundResults();
        foreach (var r in results)
        {
            total += r.ToBigInteger();
            stored.Results.Add(r.ToString());
        }
        stored.Total = total.ToString();
        Store(ctx).Set(Keys.Results(round.Id), Google.Protobuf.MessageExtensions.ToByteArray(stored));
        state.TotalResult = stored.Total;
        var now = Now(ctx);
        var delay = TallyDelay(round, state);
        if (now > round.VotingEnd && (ulong)(now - round.VotingEnd) > delay)
            AddDelayRecord(ctx, round.Id, new DelayRecord
            {
                Type = DelayType.Tally, Timestamp = now, Duration = (ulong)(now - round.VotingEnd) - delay,
                Reason = $"tally finished {now - round.VotingEnd} s after voting end (limit {delay} s)",
            });
        SetPeriod(ctx, round.Id, state, Period.Ended);
        SetRoundState(ctx, round.Id, state);
        if (_hooks.TallyFinished(ctx, round.Id, now) is { } he) return he;
        if (_hooks.RoundEnded(ctx, round.Id, now) is { } he2) return he2;
        ctx.Events.Emit(RoundsEvents.Results(round.Id, stored));
        ctx.Events.Emit(RoundsEvents.PeriodChanged(round.Id, state));
        return null;
    }

    /// <summary>(base + sign-ups·signup_delay + messages·message_delay)·3, saturating.</summary>
    public static ulong TallyDelay(Round round, RoundState state) =>
        new Insurance.Types.RoundDelays(round.Delays.BaseDelay, round.Delays.SignupDelay, round.Delays.MessageDelay, round.Delays.DeactivateDelay)
            .TallyDelay(state.NumSignUps, state.MsgChainLength);
}
