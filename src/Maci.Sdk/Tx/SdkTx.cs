using Google.Protobuf;
using Maci.Sdk.Modules;

namespace Maci.Sdk.Tx;

/// <summary>
/// A decoded transaction with its messages parsed and routed and its required signers resolved
/// (unique, in first-appearance order; the fee payer is appended when it is not already a signer).
/// </summary>
public sealed class SdkTx
{
    public required DecodedTx Decoded { get; init; }
    public required IMessage[] Messages { get; init; }
    public required MsgRoute[] Routes { get; init; }

    /// <summary>Bech32 addresses of the required signers, normalised.</summary>
    public required string[] SignerAddresses { get; init; }

    /// <summary>Raw 20-byte addresses, parallel to <see cref="SignerAddresses"/>.</summary>
    public required byte[][] Signers { get; init; }

    /// <summary>Index into <see cref="Signers"/> of the account that pays the fee.</summary>
    public int FeePayerIndex { get; init; }

    public byte[] FeePayer => Signers[FeePayerIndex];

    public string FeePayerAddress => SignerAddresses[FeePayerIndex];

    public ulong GasLimit => Decoded.Fee.GasLimit;
}
