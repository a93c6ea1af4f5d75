using Maci.Sdk;

namespace Maci.Modules.Insurance.Types;

/// <summary>Implemented by the rounds module: the insurance module's read-only view of rounds.</summary>
public interface IRoundInfoSource
{
    /// <summary>The round, or null when no round has this id.</summary>
    RoundInfo? GetRound(Context ctx, ulong roundId);

    /// <summary>True while the operator is the coordinator of a round that has not ended (insured or not).</summary>
    bool OperatorHasOpenRound(Context ctx, ReadOnlySpan<byte> operatorAddress);
}
