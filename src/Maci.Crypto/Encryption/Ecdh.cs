using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;

namespace Maci.Crypto.Encryption;

/// <summary>Baby Jubjub Diffie–Hellman as Dora / @zk-kit use it: the shared key is the full point s·Pub.</summary>
public static class Ecdh
{
    /// <summary>[secretScalar]·publicKey; throws <see cref="ArgumentException"/> for a key that is not on the curve.</summary>
    public static BabyJubjubPoint SharedKey(in Fr secretScalar, in BabyJubjubPoint publicKey)
    {
        if (!publicKey.IsOnCurve) throw new ArgumentException("the public key is not a Baby Jubjub point", nameof(publicKey));
        return BabyJubjubPoint.Multiply(publicKey, secretScalar);
    }

    /// <summary>The shared key from a raw EdDSA private key (its secret scalar is derived first).</summary>
    public static BabyJubjubPoint SharedKey(ReadOnlySpan<byte> privateKey, in BabyJubjubPoint publicKey) =>
        SharedKey(EdDsaPoseidon.DeriveSecretScalar(privateKey), publicKey);
}
