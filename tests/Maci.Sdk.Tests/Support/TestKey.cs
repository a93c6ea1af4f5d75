using System.Numerics;
using System.Security.Cryptography;
using Maci.Crypto.Cosmos;

namespace Maci.Sdk.Tests.Support;

/// <summary>
/// Test-only secp256k1 key over Maci.Crypto.Cosmos: signs SHA-256 of a message as 64-byte r‖s (low-s,
/// or deliberately high-s to test rejection) and knows its Cosmos address.
/// </summary>
public sealed class TestKey
{
    private static readonly BigInteger N =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private readonly Secp256k1KeyPair _pair;

    public TestKey(Secp256k1KeyPair pair)
    {
        _pair = pair;
        PublicKey = pair.PublicKey.ToArray();
        Address = pair.Address();
    }

    /// <summary>A key derived from a seed string (sha256 of it), so tests read as "alice", "bob".</summary>
    public static TestKey FromSeed(string seed) =>
        new(Secp256k1KeyPair.FromPrivateKey(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))));

    public static TestKey FromMnemonic(string mnemonic) => new(CosmosHdWallet.FromMnemonic(mnemonic));

    public byte[] PublicKey { get; }

    public byte[] Address { get; }

    public string Bech32(string prefix = "maci") => CosmosAddress.ToBech32(Address, prefix);

    public byte[] Sign(ReadOnlySpan<byte> message, bool forceHighS = false)
    {
        var sig = _pair.Sign(SHA256.HashData(message));
        if (!forceHighS) return sig;
        var s = new BigInteger(sig.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var high = (N - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(sig, 32, 32);
        high.CopyTo(sig, 64 - high.Length);
        return sig;
    }
}
