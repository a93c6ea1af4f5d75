namespace Maci.Modules.Auth.Ante;

/// <summary>The inputs, besides the tx bytes, that decide whether a signature verifies.</summary>
public readonly record struct SignatureCheck(byte[] PublicKey, ulong AccountNumber, string ChainId)
{
    public bool Matches(in SignatureCheck other) =>
        AccountNumber == other.AccountNumber && ChainId == other.ChainId && PublicKey.AsSpan().SequenceEqual(other.PublicKey);
}
