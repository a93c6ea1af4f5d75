using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;

namespace Maci.Crypto.Encryption;

/// <summary>
/// aMACI's ElGamal over Baby Jubjub for the deactivation flag (amaci-protocol §5.3): a key is usable while the
/// decrypted point has an even x. Encryption follows the Dora SDK's <c>encryptOdevity</c>, re-randomisation its
/// <c>rerandomize</c>.
/// </summary>
public static class ElGamal
{
    /// <summary>The value the SDK encodes in every flag ciphertext (only the parity of M.x matters).</summary>
    public const ulong EncodedValue = 123;

    /// <summary>
    /// encryptOdevity(isOdd, pub, r): M is the public key of the first SDK keypair from r, r+1, … (raw key mod r as
    /// minimal big-endian bytes, as genKeypair does) whose x has the wanted parity; c1 = r·Base8, c2 = M + r·Pub.
    /// The SDK would take a random key where r + i is zero; here that case throws instead.
    /// </summary>
    public static ElGamalCiphertext EncryptParity(bool odd, in BabyJubjubPoint publicKey, in Fr randomValue)
    {
        if (!publicKey.IsOnCurve) throw new ArgumentException("the public key is not a Baby Jubjub point", nameof(publicKey));
        var seed = randomValue;
        BabyJubjubPoint m;
        Span<byte> raw = stackalloc byte[32];
        for (;;)
        {
            if (seed.IsZero) throw new ArgumentException("the SDK picks a random key for a zero seed; no deterministic result", nameof(randomValue));
            var key = KeyEncoding.MinimalBigEndian(seed, raw);
            m = EdDsaPoseidon.DerivePublicKey(key);
            if (FrBits.IsOdd(m.X) == odd) break;
            Fr.Add(seed, Fr.One, out seed);
        }
        var c1 = EdDsaPoseidon.MultiplyBase8(randomValue);
        var c2 = m + BabyJubjubPoint.Multiply(publicKey, randomValue);
        return new ElGamalCiphertext(c1, c2, m.X - Fr.FromUInt64(EncodedValue));
    }

    /// <summary>M = c2 − s·c1.</summary>
    public static BabyJubjubPoint DecryptPoint(in Fr secretScalar, in BabyJubjubPoint c1, in BabyJubjubPoint c2) =>
        c2 + -BabyJubjubPoint.Multiply(c1, secretScalar);

    /// <summary>True when the ciphertext decrypts to an odd x (a deactivated key). All-zero (c1, c2) counts as even.</summary>
    public static bool DecryptsOdd(in Fr secretScalar, in BabyJubjubPoint c1, in BabyJubjubPoint c2) =>
        FrBits.IsOdd(DecryptPoint(secretScalar, c1, c2).X);

    /// <summary>The SDK's decrypt: M.x − xIncrement.</summary>
    public static Fr DecryptValue(in Fr secretScalar, in ElGamalCiphertext ciphertext) =>
        DecryptPoint(secretScalar, ciphertext.C1, ciphertext.C2).X - ciphertext.XIncrement;

    /// <summary>Re-randomisation used by AddNewKey: d1 = z·Base8 + c1, d2 = z·Pub + c2 (same plaintext point).</summary>
    public static (BabyJubjubPoint D1, BabyJubjubPoint D2) Rerandomize(in BabyJubjubPoint publicKey, in BabyJubjubPoint c1,
        in BabyJubjubPoint c2, in Fr z)
    {
        if (!publicKey.IsOnCurve) throw new ArgumentException("the public key is not a Baby Jubjub point", nameof(publicKey));
        return (EdDsaPoseidon.MultiplyBase8(z) + c1, BabyJubjubPoint.Multiply(publicKey, z) + c2);
    }
}
