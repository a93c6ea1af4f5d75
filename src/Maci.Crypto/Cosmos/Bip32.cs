using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Maci.Crypto.Cosmos;

/// <summary>BIP-32 hierarchical deterministic derivation of secp256k1 private keys.</summary>
public static class Bip32
{
    private static ReadOnlySpan<byte> MasterHmacKey => "Bitcoin seed"u8;

    /// <summary>The master key: HMAC-SHA512("Bitcoin seed", seed) split into key ‖ chain code.</summary>
    /// <exception cref="ArgumentException">The seed is not 16–64 bytes.</exception>
    /// <exception cref="InvalidOperationException">The seed yields an invalid key (probability about 2^-127).</exception>
    public static Bip32Key MasterFromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length is < 16 or > 64)
            throw new ArgumentException($"BIP-32 seed must be 16 to 64 bytes, got {seed.Length}", nameof(seed));
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(MasterHmacKey, seed, i);
        try
        {
            if (!Secp256k1.IsValidPrivateKey(i[..32]))
                throw new InvalidOperationException("this seed gives an invalid BIP-32 master key; use another seed");
            return new Bip32Key(i[..32].ToArray(), i[32..].ToArray(), 0, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>
    /// The child at <paramref name="index"/> (hardened when ≥ 2^31): I = HMAC-SHA512(chain, 0x00‖k‖index) for
    /// hardened or HMAC-SHA512(chain, K‖index) for normal children; key = (I_L + k) mod n, chain = I_R.
    /// </summary>
    /// <exception cref="InvalidOperationException">I_L ≥ n or the key is zero (probability about 2^-127):
    /// BIP-32 says to use the next index instead.</exception>
    public static Bip32Key DeriveChild(Bip32Key parent, uint index)
    {
        ArgumentNullException.ThrowIfNull(parent);
        Span<byte> data = stackalloc byte[37];
        if (index >= HdPath.HardenedOffset)
        {
            data[0] = 0;
            parent.PrivateKey.CopyTo(data[1..]);
        }
        else
            parent.PublicKey().CopyTo(data);
        BinaryPrimitives.WriteUInt32BigEndian(data[33..], index);
        Span<byte> i = stackalloc byte[64];
        HMACSHA512.HashData(parent.ChainCode, data, i);
        var key = new byte[32];
        try
        {
            if (!Secp256k1.TryAddScalars(parent.PrivateKey, i[..32], key))
                throw new InvalidOperationException($"BIP-32 child {index} is invalid; derive index {index + 1} instead");
            return new Bip32Key(key, i[32..].ToArray(), parent.Depth + 1, index);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
            CryptographicOperations.ZeroMemory(i);
        }
    }

    /// <summary>Derives the key at <paramref name="path"/> from a BIP-39 seed.</summary>
    public static Bip32Key DerivePath(ReadOnlySpan<byte> seed, HdPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var key = MasterFromSeed(seed);
        foreach (var index in path.Indices)
            key = DeriveChild(key, index);
        return key;
    }
}
