using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    public SdkError? SetRoundInfo(Context ctx, string sender, ulong roundId, RoundText? info)
    {
        if (Load(ctx, roundId, out var round, out _) is { } e) return e;
        if (RequireAdminBeforeStart(ctx, round, sender, "set round info") is { } a) return a;
        if (ValidateInfo(info) is { } v) return v;
        round.Info = info!.Clone();
        SetRound(ctx, round);
        ctx.Events.Emit(RoundsEvents.Simple("set_round_info", roundId));
        return null;
    }

    public SdkError? SetVoteOptions(Context ctx, string sender, ulong roundId, IReadOnlyList<string> options)
    {
        if (Load(ctx, roundId, out var round, out _) is { } e) return e;
        if (RequireAdminBeforeStart(ctx, round, sender, "set vote options") is { } a) return a;
        if (ValidateOptions(options, round.CircuitSize) is { } v) return v;
        round.VoteOptions.Clear();
        round.VoteOptions.AddRange(options);
        SetRound(ctx, round);
        ctx.Events.Emit(RoundsEvents.Simple("set_vote_options", roundId));
        return null;
    }

    public SdkError? SetMaxVotesPerOption(Context ctx, string sender, ulong roundId, ulong max)
    {
        if (Load(ctx, roundId, out var round, out _) is { } e) return e;
        if (RequireAdminBeforeStart(ctx, round, sender, "set max votes per option") is { } a) return a;
        if (max >= 1UL << 32) return RoundsErrors.InvalidRoundConfig.Wrap("max_votes_per_option must be below 2^32");
        round.MaxVotesPerOption = max;
        SetRound(ctx, round);
        ctx.Events.Emit(RoundsEvents.Simple("set_max_votes_per_option", roundId));
        return null;
    }

    public SdkError? UpdateRegistrationConfig(Context ctx, string sender, MsgUpdateRegistrationConfig m)
    {
        if (Load(ctx, m.RoundId, out var round, out var state) is { } e) return e;
        if (RequireAdminBeforeStart(ctx, round, sender, "update registration config") is { } a) return a;
        var credits = m.VoiceCreditMode ?? round.VoiceCreditMode;
        var mode = m.RegistrationMode ?? round.RegistrationMode;
        var deactivate = m.HasDeactivateEnabled ? m.DeactivateEnabled : round.DeactivateEnabled;
        var modeChanges = m.RegistrationMode is not null || m.VoiceCreditMode is not null;
        if (modeChanges && state.NumSignUps != 0)
            return RoundsErrors.InvalidRoundConfig.Wrap("registration modes change only while nobody has signed up");
        if (ValidateRegistration(round.Kind, credits, mode, deactivate, round.CircuitSize) is { } v) return v;
        round.VoiceCreditMode = credits.Clone();
        round.RegistrationMode = mode.Clone();
        round.DeactivateEnabled = deactivate;
        ApplyPrePopulated(round.RegistrationMode, state);
        SetRound(ctx, round);
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Simple("update_registration_config", round.Id));
        return null;
    }
}
