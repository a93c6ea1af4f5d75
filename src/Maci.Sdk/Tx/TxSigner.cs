using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;

namespace Maci.Sdk.Tx;

/// <summary>One signer's declared key, sign mode and sequence. PublicKey is empty when omitted.</summary>
public readonly record struct TxSigner(string? PublicKeyTypeUrl, ReadOnlyMemory<byte> PublicKey, SignMode Mode, ulong Sequence);
