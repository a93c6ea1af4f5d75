using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Types;

/// <summary>Errors of codespace "rounds". Append only: clients see these numbers.</summary>
public static class RoundsErrors
{
    public const string Codespace = Keys.ModuleName;

    public static readonly ErrorCode RoundNotFound = new(Codespace, 2, "round not found");
    public static readonly ErrorCode InvalidFieldElement = new(Codespace, 3, "invalid field element");
    public static readonly ErrorCode InvalidPubKey = new(Codespace, 4, "invalid public key");
    public static readonly ErrorCode InvalidRoundConfig = new(Codespace, 5, "invalid round configuration");
    public static readonly ErrorCode NotAdmin = new(Codespace, 6, "sender is not the round admin");
    public static readonly ErrorCode NotOperator = new(Codespace, 7, "sender is not the round operator");
    public static readonly ErrorCode OutsideVoting = new(Codespace, 8, "not within the voting period");
    public static readonly ErrorCode VotingStarted = new(Codespace, 9, "voting has already started");
    public static readonly ErrorCode VotingNotEnded = new(Codespace, 10, "voting has not ended");
    public static readonly ErrorCode WrongPeriod = new(Codespace, 11, "action not allowed in the round's current period");
    public static readonly ErrorCode FeeMismatch = new(Codespace, 12, "attached fee must equal the required fee exactly");
    public static readonly ErrorCode AlreadySignedUp = new(Codespace, 13, "already signed up");
    public static readonly ErrorCode NotWhitelisted = new(Codespace, 14, "sender is not on the round's whitelist");
    public static readonly ErrorCode InvalidCertificate = new(Codespace, 15, "invalid oracle certificate");
    public static readonly ErrorCode TreeFull = new(Codespace, 16, "the round is full");
    public static readonly ErrorCode EncKeyUsed = new(Codespace, 17, "encryption public key already used");
    public static readonly ErrorCode NullifierUsed = new(Codespace, 18, "nullifier already used");
    public static readonly ErrorCode InvalidProof = new(Codespace, 19, "invalid proof");
    public static readonly ErrorCode MalformedProof = new(Codespace, 20, "malformed proof");
    public static readonly ErrorCode NothingToProcess = new(Codespace, 21, "nothing left to process");
    public static readonly ErrorCode ProcessingIncomplete = new(Codespace, 22, "processing is not complete");
    public static readonly ErrorCode ResultsMismatch = new(Codespace, 23, "results do not match the tally commitment");
    public static readonly ErrorCode DeactivateDisabled = new(Codespace, 24, "deactivation is not enabled for this round");
    public static readonly ErrorCode UnsupportedCircuit = new(Codespace, 25, "unsupported circuit size");
    public static readonly ErrorCode NoCoordinatorKey = new(Codespace, 26, "operator has no coordinator key");
    public static readonly ErrorCode NothingToClaim = new(Codespace, 27, "nothing to claim");
    public static readonly ErrorCode InvalidMessage = new(Codespace, 28, "invalid message");
    public static readonly ErrorCode InvalidParams = new(Codespace, 29, "invalid rounds params");
    public static readonly ErrorCode InvalidGenesis = new(Codespace, 30, "invalid rounds genesis");
    public static readonly ErrorCode RegistrationRefused = new(Codespace, 31, "sign-up not allowed in this registration mode");
    public static readonly ErrorCode DeactivateBacklog = new(Codespace, 32, "deactivate messages are still unprocessed");
    public static readonly ErrorCode InvalidAmount = new(Codespace, 33, "invalid amount");
    public static readonly ErrorCode WrongRoundKind = new(Codespace, 34, "not supported by this kind of round");
    public static readonly ErrorCode ChainFull = new(Codespace, 35, "message chain is full");
    public static readonly ErrorCode RoundNotClaimable = new(Codespace, 36, "round cannot be claimed yet");

    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        RoundNotFound, InvalidFieldElement, InvalidPubKey, InvalidRoundConfig, NotAdmin, NotOperator, OutsideVoting,
        VotingStarted, VotingNotEnded, WrongPeriod, FeeMismatch, AlreadySignedUp, NotWhitelisted, InvalidCertificate,
        TreeFull, EncKeyUsed, NullifierUsed, InvalidProof, MalformedProof, NothingToProcess, ProcessingIncomplete,
        ResultsMismatch, DeactivateDisabled, UnsupportedCircuit, NoCoordinatorKey, NothingToClaim, InvalidMessage,
        InvalidParams, InvalidGenesis, RegistrationRefused, DeactivateBacklog, InvalidAmount, WrongRoundKind, ChainFull,
        RoundNotClaimable,
    ];
}
