using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Maci.Crypto.Cosmos;

/// <summary>
/// Cosmos secp256k1 account addresses: RIPEMD160(SHA256(33-byte compressed public key)), 20 bytes, shown as
/// bech32 under the chain's prefix (e.g. "cosmos").
/// </summary>
public static class CosmosAddress
{
    public const int Length = 20;

    /// <summary>The 20-byte account address of a compressed secp256k1 public key.</summary>
    /// <exception cref="ArgumentException">The key is not a valid 33-byte compressed point.</exception>
    public static byte[] FromPublicKey(ReadOnlySpan<byte> publicKey33)
    {
        if (!Secp256k1.IsValidPublicKey(publicKey33))
            throw new ArgumentException("public key must be a valid 33-byte compressed secp256k1 point", nameof(publicKey33));
        Span<byte> sha = stackalloc byte[32];
        SHA256.HashData(publicKey33, sha);
        var ripemd = new RipeMD160Digest();
        ripemd.BlockUpdate(sha.ToArray(), 0, sha.Length);
        var address = new byte[Length];
        ripemd.DoFinal(address, 0);
        return address;
    }

    /// <summary>The bech32 address of a compressed secp256k1 public key under <paramref name="prefix"/>.</summary>
    public static string Bech32FromPublicKey(ReadOnlySpan<byte> publicKey33, string prefix) =>
        ToBech32(FromPublicKey(publicKey33), prefix);

    /// <summary>Formats a 20-byte address as bech32 under <paramref name="prefix"/>.</summary>
    /// <exception cref="ArgumentException">The address is not 20 bytes or the prefix is invalid.</exception>
    public static string ToBech32(ReadOnlySpan<byte> address20, string prefix)
    {
        if (address20.Length != Length)
            throw new ArgumentException($"address must be {Length} bytes, got {address20.Length}", nameof(address20));
        return Bech32.Encode(prefix, address20);
    }

    /// <summary>Parses a bech32 account address that must carry <paramref name="expectedPrefix"/> and 20 bytes.</summary>
    /// <exception cref="FormatException">Not valid bech32, another prefix, or not 20 bytes.</exception>
    public static byte[] Parse(string bech32, string expectedPrefix)
    {
        var (hrp, data) = Bech32.Decode(bech32);
        if (hrp != expectedPrefix)
            throw new FormatException($"address prefix is '{hrp}', expected '{expectedPrefix}'");
        if (data.Length != Length)
            throw new FormatException($"address is {data.Length} bytes, expected {Length}");
        return data;
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? bech32, string expectedPrefix, out byte[] address)
    {
        if (Bech32.TryDecode(bech32, out var hrp, out var data) && hrp == expectedPrefix && data.Length == Length)
        {
            address = data;
            return true;
        }
        address = [];
        return false;
    }
}
