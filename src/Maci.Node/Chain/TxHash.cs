using System.Security.Cryptography;

namespace Maci.Node.Chain;

/// <summary>Transaction hash: sha256 of the exact transaction bytes.</summary>
public static class TxHash
{
    public const int Size = 32;

    public static byte[] Compute(byte[] tx) => SHA256.HashData(tx);

    public static byte[] Compute(ReadOnlySpan<byte> tx) => SHA256.HashData(tx);

    public static string ToHex(ReadOnlySpan<byte> hash) => Convert.ToHexString(hash);
}
