namespace Maci.Crypto.Cosmos;

/// <summary>A secp256k1 private key with its compressed public key and helpers for Cosmos addresses and signing.</summary>
public sealed class Secp256k1KeyPair
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    private Secp256k1KeyPair(byte[] privateKey, byte[] publicKey)
    {
        _privateKey = privateKey;
        _publicKey = publicKey;
    }

    /// <exception cref="ArgumentException">The key is not 32 bytes in [1, n−1].</exception>
    public static Secp256k1KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey32) =>
        new(privateKey32.ToArray(), Secp256k1.PublicKeyFromPrivate(privateKey32));

    public static Secp256k1KeyPair Generate() => FromPrivateKey(Secp256k1.GeneratePrivateKey());

    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary>The 33-byte compressed public key.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The 20-byte account address.</summary>
    public byte[] Address() => CosmosAddress.FromPublicKey(_publicKey);

    public string Bech32Address(string prefix) => CosmosAddress.ToBech32(Address(), prefix);

    /// <summary>Signs a 32-byte hash (e.g. sha256 of SignDoc bytes): 64-byte r‖s, low-s.</summary>
    public byte[] Sign(ReadOnlySpan<byte> messageHash32) => Secp256k1.Sign(_privateKey, messageHash32);
}
