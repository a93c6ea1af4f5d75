using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    internal SdkError? Load(Context ctx, ulong roundId, out Round round, out RoundState state)
    {
        round = null!;
        state = null!;
        if (GetRound(ctx, roundId) is not { } r) return RoundsErrors.RoundNotFound.Wrap($"round {roundId}");
        round = r;
        state = GetRoundState(ctx, roundId) ?? throw new InvalidDataException($"round {roundId} has no state record");
        return null;
    }

    /// <summary>aMACI: start ≤ t ≤ end (both inclusive); MACI: start ≤ t &lt; end (Dora's legacy rule).</summary>
    public static bool InVoting(Round round, long now) =>
        round.Kind == RoundKind.Maci
            ? now >= round.VotingStart && now < round.VotingEnd
            : now >= round.VotingStart && now <= round.VotingEnd;

    /// <summary>Voting is over: aMACI t &gt; end, MACI t ≥ end.</summary>
    public static bool AfterVoting(Round round, long now) =>
        round.Kind == RoundKind.Maci ? now >= round.VotingEnd : now > round.VotingEnd;

    internal static SdkError? RequireVoting(Context ctx, Round round, RoundState state, string action)
    {
        if (state.Period != Period.Pending) return RoundsErrors.WrongPeriod.Wrap($"{action}: round {round.Id} is {state.Period}");
        var now = Now(ctx);
        if (!InVoting(round, now))
            return RoundsErrors.OutsideVoting.Wrap($"{action}: block time {now} is outside voting [{round.VotingStart}, {round.VotingEnd}]");
        return null;
    }

    internal static SdkError? RequireAdminBeforeStart(Context ctx, Round round, string sender, string action)
    {
        if (sender != round.Admin) return RoundsErrors.NotAdmin.Wrap($"{action}: {sender}");
        if (Now(ctx) >= round.VotingStart) return RoundsErrors.VotingStarted.Wrap($"{action}: voting started at {round.VotingStart}");
        return null;
    }

    internal static SdkError? RequireAmaci(Round round, string action) =>
        round.Kind == RoundKind.Amaci ? null : RoundsErrors.WrongRoundKind.Wrap($"{action} needs an aMACI round");

    internal static SdkError? RequirePeriod(Round round, RoundState state, Period period, string action) =>
        state.Period == period ? null : RoundsErrors.WrongPeriod.Wrap($"{action}: round {round.Id} is {state.Period}, needs {period}");
}
