using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Encryption;

namespace Maci.Crypto.Amaci;

/// <summary>
/// The cipher every MACI message format shares: a command's plaintext under poseidon-cipher with nonce 0 and the key
/// ECDH(one side's secret scalar, the other side's public key) — ephemeral → coordinator when sending, coordinator →
/// ephemeral when processing.
/// </summary>
internal static class CommandCipher
{
    public static void Encrypt(ReadOnlySpan<Fr> plaintext, in Fr secretScalar, in BabyJubjubPoint publicKey, Span<Fr> message) =>
        PoseidonCipher.Encrypt(plaintext, Ecdh.SharedKey(secretScalar, publicKey), Fr.Zero, message);

    /// <summary>False for an encryption key off the curve or when the cipher's checks fail (zk-kit poseidonDecrypt).</summary>
    public static bool TryDecrypt(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey, in Fr coordinatorSecretScalar, Span<Fr> plaintext) =>
        encryptionPublicKey.IsOnCurve &&
        PoseidonCipher.TryDecrypt(message, Ecdh.SharedKey(coordinatorSecretScalar, encryptionPublicKey), Fr.Zero, plaintext.Length, plaintext);

    /// <summary>Decrypts as a circuit does (PoseidonDecryptWithoutCheck): a bad message yields a garbage plaintext.</summary>
    public static void DecryptWithoutCheck(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey, in Fr coordinatorSecretScalar, Span<Fr> plaintext) =>
        PoseidonCipher.DecryptWithoutCheck(message, Ecdh.SharedKey(coordinatorSecretScalar, encryptionPublicKey), Fr.Zero, plaintext.Length, plaintext);

    public static void CheckLength(ReadOnlySpan<Fr> message, int length, string what)
    {
        if (message.Length != length)
            throw new ArgumentException($"{what} has {length} elements, got {message.Length}", nameof(message));
    }
}
