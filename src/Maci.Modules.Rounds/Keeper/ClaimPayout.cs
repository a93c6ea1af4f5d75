namespace Maci.Modules.Rounds.Keeper;

/// <summary>How a claim splits a round's escrow.</summary>
public readonly record struct ClaimPayout(UInt128 ToOperator, UInt128 ToAdmin, UInt128 ToFeeRecipient, bool TallyTimedOut);
