namespace Maci.Sdk.Tx;

/// <summary>One message of a transaction: its Any type URL and the exact value bytes.</summary>
public readonly record struct TxMessage(string TypeUrl, ReadOnlyMemory<byte> Value);
