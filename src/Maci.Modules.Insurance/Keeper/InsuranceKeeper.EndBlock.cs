using Maci.Modules.Insurance.Types;
using Maci.Sdk;

namespace Maci.Modules.Insurance.Keeper;

public sealed partial class InsuranceKeeper
{
    /// <summary>Releases matured withdrawals, then settles policies whose round passed its hard tally timeout.</summary>
    public void EndBlock(Context ctx)
    {
        MatureUnbondings(ctx);
        EnforceTallyTimeouts(ctx);
    }

    /// <summary>
    /// A policy still active after voting end + tally delay + tally_timeout_seconds settles now: with no tally on
    /// record all remaining coverage is slashed (missed tally); otherwise with the outcome already recorded.
    /// </summary>
    public void EnforceTallyTimeouts(Context ctx)
    {
        var timeout = GetParams(ctx).TallyTimeoutSeconds;
        foreach (var roundId in ActivePolicyRounds(ctx))
        {
            var policy = GetPolicy(ctx, roundId) ?? throw new InvalidDataException($"active policy index names missing round {roundId}");
            // Rounds the rounds module no longer knows cannot be judged; they settle when it calls RoundEnded.
            if (Rounds.GetRound(ctx, roundId) is not { } round) continue;
            if (ctx.BlockTimeSeconds <= round.HardTimeout(timeout)) continue;
            if (policy.Tally == Proto.Maci.Insurance.V1.TallyOutcome.Pending) RecordTally(ctx, policy, round, ctx.BlockTimeSeconds);
            Settle(ctx, policy, ctx.BlockTimeSeconds);
        }
    }
}
