namespace Maci.Sdk.Tx;

/// <summary>
/// A transaction decoded from TxRaw bytes. Body and auth-info bytes are slices of the original buffer,
/// kept exactly as signed.
/// </summary>
public sealed class DecodedTx
{
    public required byte[] Raw { get; init; }
    public required ReadOnlyMemory<byte> BodyBytes { get; init; }
    public required ReadOnlyMemory<byte> AuthInfoBytes { get; init; }
    public required ReadOnlyMemory<byte>[] Signatures { get; init; }
    public required TxMessage[] Messages { get; init; }
    public required string Memo { get; init; }
    public required ulong TimeoutHeight { get; init; }

    /// <summary>Latest block time (Unix seconds, nanos) the tx may be included at; (0, 0) when unset.</summary>
    public (long Seconds, int Nanos) TimeoutTimestamp { get; init; }
    public required TxSigner[] SignerInfos { get; init; }
    public required TxFee Fee { get; init; }
}
