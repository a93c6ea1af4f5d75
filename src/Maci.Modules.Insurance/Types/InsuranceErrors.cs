using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>Errors of codespace "insurance". Append only: clients see these numbers.</summary>
public static class InsuranceErrors
{
    public const string Codespace = Keys.ModuleName;

    public static readonly ErrorCode OperatorNotFound = new(Codespace, 2, "operator not found");
    public static readonly ErrorCode OperatorExists = new(Codespace, 3, "operator already registered");
    public static readonly ErrorCode DuplicatePubKey = new(Codespace, 4, "coordinator public key already in use");
    public static readonly ErrorCode InvalidPubKey = new(Codespace, 5, "invalid coordinator public key");
    public static readonly ErrorCode InvalidTerms = new(Codespace, 6, "invalid insurance terms");
    public static readonly ErrorCode DepositTooSmall = new(Codespace, 7, "deposit below the minimum");
    public static readonly ErrorCode InsufficientAvailable = new(Codespace, 8, "amount exceeds the available deposit");
    public static readonly ErrorCode CoverageLocked = new(Codespace, 9, "operator has locked coverage");
    public static readonly ErrorCode RoundNotFound = new(Codespace, 10, "round not found");
    public static readonly ErrorCode NotRoundOwner = new(Codespace, 11, "only the round owner may buy its insurance");
    public static readonly ErrorCode VotingStarted = new(Codespace, 12, "the round's voting has already started");
    public static readonly ErrorCode PremiumTooHigh = new(Codespace, 13, "premium above the maximum");
    public static readonly ErrorCode PremiumTooLow = new(Codespace, 14, "premium below the minimum");
    public static readonly ErrorCode OperatorMismatch = new(Codespace, 15, "operator does not serve this round");
    public static readonly ErrorCode PolicyExists = new(Codespace, 16, "round is already insured");
    public static readonly ErrorCode PolicyNotFound = new(Codespace, 17, "policy not found");
    public static readonly ErrorCode InvalidHookCall = new(Codespace, 18, "inconsistent round hook call");
    public static readonly ErrorCode InvalidAmount = new(Codespace, 19, "invalid amount");
    public static readonly ErrorCode InvalidMetadata = new(Codespace, 20, "invalid operator metadata");
    public static readonly ErrorCode OperatorInactive = new(Codespace, 21, "operator is deregistered");
    public static readonly ErrorCode ServingOpenRound = new(Codespace, 22, "operator serves an open round");
    public static readonly ErrorCode InvalidGenesis = new(Codespace, 23, "invalid insurance genesis");
    public static readonly ErrorCode InvalidParams = new(Codespace, 24, "invalid insurance params");

    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        OperatorNotFound, OperatorExists, DuplicatePubKey, InvalidPubKey, InvalidTerms, DepositTooSmall,
        InsufficientAvailable, CoverageLocked, RoundNotFound, NotRoundOwner, VotingStarted, PremiumTooHigh,
        PremiumTooLow, OperatorMismatch, PolicyExists, PolicyNotFound, InvalidHookCall, InvalidAmount,
        InvalidMetadata, OperatorInactive, ServingOpenRound, InvalidGenesis, InvalidParams,
    ];
}
