using Maci.Sdk.Errors;

namespace Maci.Modules.Bank.Types;

/// <summary>Errors of codespace "bank", numbered as upstream x/bank.</summary>
public static class BankErrors
{
    public const string Codespace = "bank";

    public static readonly ErrorCode NoInputs = new(Codespace, 2, "no inputs to send transaction");
    public static readonly ErrorCode NoOutputs = new(Codespace, 3, "no outputs to send transaction");
    public static readonly ErrorCode InputOutputMismatch = new(Codespace, 4, "sum inputs != sum outputs");
    public static readonly ErrorCode SendDisabled = new(Codespace, 5, "send transactions are disabled");
    public static readonly ErrorCode DenomMetadataNotFound = new(Codespace, 6, "client denom metadata not found");
    public static readonly ErrorCode InvalidKey = new(Codespace, 7, "invalid key");
    public static readonly ErrorCode DuplicateEntry = new(Codespace, 8, "duplicate entry");
    public static readonly ErrorCode MultipleSenders = new(Codespace, 9, "multiple senders not allowed");

    public static IReadOnlyList<ErrorCode> All { get; } =
        [NoInputs, NoOutputs, InputOutputMismatch, SendDisabled, DenomMetadataNotFound, InvalidKey, DuplicateEntry, MultipleSenders];
}
