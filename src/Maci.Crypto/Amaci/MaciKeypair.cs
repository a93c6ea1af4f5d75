using System.Numerics;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Encryption;

namespace Maci.Crypto.Amaci;

/// <summary>
/// A MACI keypair as the Dora SDK's genKeypair makes it: the raw private key is an integer reduced modulo r, its
/// EdDSA private-key bytes are its minimal big-endian encoding, the "formatted" key is the EdDSA secret scalar.
/// </summary>
public sealed record MaciKeypair(Fr PrivateKey, Fr SecretScalar, BabyJubjubPoint PublicKey)
{
    public static MaciKeypair FromPrivateKey(in Fr privateKey)
    {
        Span<byte> buffer = stackalloc byte[32];
        var bytes = KeyEncoding.MinimalBigEndian(privateKey, buffer);
        var scalar = EdDsaPoseidon.DeriveSecretScalar(bytes);
        return new MaciKeypair(privateKey, scalar, EdDsaPoseidon.MultiplyBase8(scalar));
    }

    /// <summary>Any non-negative integer; it is reduced modulo r first, as genKeypair does.</summary>
    public static MaciKeypair FromPrivateKey(BigInteger privateKey)
    {
        if (privateKey.Sign < 0) throw new ArgumentOutOfRangeException(nameof(privateKey), "a private key is a non-negative integer");
        return FromPrivateKey(Fr.FromBigInteger(privateKey % Fr.Modulus));
    }

    /// <summary>Signs with the EdDSA private key bytes of <see cref="PrivateKey"/>.</summary>
    public EdDsaSignature Sign(in Fr message)
    {
        Span<byte> buffer = stackalloc byte[32];
        return EdDsaPoseidon.Sign(KeyEncoding.MinimalBigEndian(PrivateKey, buffer), message);
    }

    public BabyJubjubPoint SharedKey(in BabyJubjubPoint otherPublicKey) => Ecdh.SharedKey(SecretScalar, otherPublicKey);
}
