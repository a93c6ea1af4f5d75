using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>
/// Called by the rounds module as a round progresses. Each call is a no-op (null) for a round without an active
/// policy. Times are Unix seconds of block time. An error means the call contradicts what the module recorded
/// (a rounds-module bug); nothing is written then.
/// </summary>
public interface IInsuranceHooks
{
    /// <summary><paramref name="count"/> deactivate messages were published at <paramref name="time"/>.</summary>
    SdkError? DeactivateMessagesPublished(Context ctx, ulong roundId, ulong count, long time);

    /// <summary>
    /// The oldest <paramref name="count"/> unprocessed deactivate messages were processed at <paramref name="time"/>.
    /// Each one processed more than the round's deactivate delay after it was published slashes
    /// deactivate_slash_bps of the voting part (linear, capped at the voting part).
    /// </summary>
    SdkError? DeactivateMessagesProcessed(Context ctx, ulong roundId, ulong count, long time);

    /// <summary>The tally was completed (results stored) at <paramref name="time"/>.</summary>
    SdkError? TallyFinished(Context ctx, ulong roundId, long time);

    /// <summary>The round ended: the policy settles (slashes to the owner, premium to the operator, the rest unlocks).</summary>
    SdkError? RoundEnded(Context ctx, ulong roundId, long time);
}
