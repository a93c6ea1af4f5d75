namespace Maci.Sdk.Errors;

/// <summary>The Cosmos SDK's root error codes (codespace "sdk"), numbered as upstream so clients recognise them.</summary>
public static class SdkErrors
{
    public const string Codespace = "sdk";

    /// <summary>Code 1: an unexpected internal failure (not registered; never an expected outcome).</summary>
    public static readonly ErrorCode Internal = new("undefined", 1, "internal");

    public static readonly ErrorCode TxDecode = new(Codespace, 2, "tx parse error");
    public static readonly ErrorCode InvalidSequence = new(Codespace, 3, "invalid sequence");
    public static readonly ErrorCode Unauthorized = new(Codespace, 4, "unauthorized");
    public static readonly ErrorCode InsufficientFunds = new(Codespace, 5, "insufficient funds");
    public static readonly ErrorCode UnknownRequest = new(Codespace, 6, "unknown request");
    public static readonly ErrorCode InvalidAddress = new(Codespace, 7, "invalid address");
    public static readonly ErrorCode InvalidPubKey = new(Codespace, 8, "invalid pubkey");
    public static readonly ErrorCode UnknownAddress = new(Codespace, 9, "unknown address");
    public static readonly ErrorCode InvalidCoins = new(Codespace, 10, "invalid coins");
    public static readonly ErrorCode OutOfGas = new(Codespace, 11, "out of gas");
    public static readonly ErrorCode MemoTooLarge = new(Codespace, 12, "memo too large");
    public static readonly ErrorCode InsufficientFee = new(Codespace, 13, "insufficient fee");
    public static readonly ErrorCode TooManySignatures = new(Codespace, 14, "maximum number of signatures exceeded");
    public static readonly ErrorCode NoSignatures = new(Codespace, 15, "no signatures supplied");
    public static readonly ErrorCode JsonMarshal = new(Codespace, 16, "failed to marshal JSON bytes");
    public static readonly ErrorCode JsonUnmarshal = new(Codespace, 17, "failed to unmarshal JSON bytes");
    public static readonly ErrorCode InvalidRequest = new(Codespace, 18, "invalid request");
    public static readonly ErrorCode TxInMempoolCache = new(Codespace, 19, "tx already in mempool");
    public static readonly ErrorCode MempoolIsFull = new(Codespace, 20, "mempool is full");
    public static readonly ErrorCode TxTooLarge = new(Codespace, 21, "tx too large");
    public static readonly ErrorCode KeyNotFound = new(Codespace, 22, "key not found");
    public static readonly ErrorCode InvalidSigner = new(Codespace, 24, "tx intended signer does not match the given signer");
    public static readonly ErrorCode InvalidHeight = new(Codespace, 26, "invalid height");
    public static readonly ErrorCode InvalidVersion = new(Codespace, 27, "invalid version");
    public static readonly ErrorCode InvalidChainId = new(Codespace, 28, "invalid chain-id");
    public static readonly ErrorCode InvalidType = new(Codespace, 29, "invalid type");
    public static readonly ErrorCode TxTimeoutHeight = new(Codespace, 30, "tx timeout height");
    public static readonly ErrorCode UnknownExtensionOptions = new(Codespace, 31, "unknown extension options");
    public static readonly ErrorCode WrongSequence = new(Codespace, 32, "incorrect account sequence");
    public static readonly ErrorCode PackAny = new(Codespace, 33, "failed packing protobuf message to Any");
    public static readonly ErrorCode UnpackAny = new(Codespace, 34, "failed unpacking protobuf message from Any");
    public static readonly ErrorCode Logic = new(Codespace, 35, "internal logic error");
    public static readonly ErrorCode Conflict = new(Codespace, 36, "conflict");
    public static readonly ErrorCode NotSupported = new(Codespace, 37, "feature not supported");
    public static readonly ErrorCode NotFound = new(Codespace, 38, "not found");
    public static readonly ErrorCode Io = new(Codespace, 39, "Internal IO error");
    public static readonly ErrorCode AppConfig = new(Codespace, 40, "error in app.toml");
    public static readonly ErrorCode InvalidGasLimit = new(Codespace, 41, "invalid gas limit");
    public static readonly ErrorCode TxTimeout = new(Codespace, 42, "tx timeout");

    /// <summary>Every registered SDK code, for <see cref="ErrorRegistry"/>.</summary>
    public static IReadOnlyList<ErrorCode> All { get; } =
    [
        TxDecode, InvalidSequence, Unauthorized, InsufficientFunds, UnknownRequest, InvalidAddress, InvalidPubKey,
        UnknownAddress, InvalidCoins, OutOfGas, MemoTooLarge, InsufficientFee, TooManySignatures, NoSignatures,
        JsonMarshal, JsonUnmarshal, InvalidRequest, TxInMempoolCache, MempoolIsFull, TxTooLarge, KeyNotFound,
        InvalidSigner, InvalidHeight, InvalidVersion, InvalidChainId, InvalidType, TxTimeoutHeight,
        UnknownExtensionOptions, WrongSequence, PackAny, UnpackAny, Logic, Conflict, NotSupported, NotFound, Io,
        AppConfig, InvalidGasLimit, TxTimeout,
    ];
}
