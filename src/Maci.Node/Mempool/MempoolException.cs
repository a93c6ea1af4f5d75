namespace Maci.Node.Mempool;

/// <summary>A transaction refused before CheckTx; the message is CometBFT's, since clients see it as the RPC error.</summary>
public sealed class MempoolException(MempoolErrorKind kind, string message) : Exception(message)
{
    public MempoolErrorKind Kind { get; } = kind;
}
