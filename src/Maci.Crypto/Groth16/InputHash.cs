using System.Security.Cryptography;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Groth16;

/// <summary>
/// The single public input of MACI/aMACI circuits: SHA-256 over the words as 32-byte big-endian values (Solidity
/// <c>sha256(abi.encodePacked(uint256...))</c>), the digest read as a big-endian integer and reduced modulo r.
/// </summary>
public static class InputHash
{
    public static Fr Compute(ReadOnlySpan<Fr> words)
    {
        int len = words.Length * 32;
        Span<byte> buf = len <= 1024 ? stackalloc byte[len] : new byte[len];
        for (int i = 0; i < words.Length; i++)
            words[i].WriteBytesBigEndian(buf.Slice(i * 32, 32));
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(buf, digest);
        return Fr.FromBytesBigEndianReduced(digest);
    }
}
