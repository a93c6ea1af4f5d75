namespace Maci.Crypto.Cosmos;

/// <summary>A BIP-32 extended private key on secp256k1: 32-byte key, 32-byte chain code, depth and child number.</summary>
public sealed class Bip32Key
{
    private readonly byte[] _privateKey;
    private readonly byte[] _chainCode;

    internal Bip32Key(byte[] privateKey, byte[] chainCode, int depth, uint childNumber)
    {
        _privateKey = privateKey;
        _chainCode = chainCode;
        Depth = depth;
        ChildNumber = childNumber;
    }

    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    public ReadOnlySpan<byte> ChainCode => _chainCode;

    public int Depth { get; }

    /// <summary>The index this key was derived with (0 for the master key).</summary>
    public uint ChildNumber { get; }

    /// <summary>The 33-byte compressed public key.</summary>
    public byte[] PublicKey() => Secp256k1.PublicKeyFromPrivate(_privateKey);
}
