using Google.Protobuf.Reflection;

namespace Maci.Sdk.Tx;

/// <summary>Decoder limits and the message-type resolver (type URL → descriptor; null = unknown type).</summary>
public sealed record TxDecodeOptions(int MaxTxBytes, Func<string, MessageDescriptor?> ResolveMessage)
{
    public const int DefaultMaxTxBytes = 1024 * 1024;

    /// <summary>Upper bound on messages, signers and signatures in one tx (cheap DoS guard).</summary>
    public int MaxItems { get; init; } = 256;
}
