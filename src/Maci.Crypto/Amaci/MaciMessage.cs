using System.Runtime.CompilerServices;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Encryption;

namespace Maci.Crypto.Amaci;

/// <summary>
/// aMACI message encryption: the 7-element command plaintext under poseidon-cipher with key
/// ECDH(ephemeral secret, coordinator public key) and nonce 0, giving 10 elements; sent with the ephemeral public key.
/// </summary>
[SkipLocalsInit]
public static class MaciMessage
{
    public const int Length = 10;

    public static void Encrypt(in SignedMaciCommand command, in Fr ephemeralSecretScalar, in BabyJubjubPoint coordinatorPublicKey,
        Span<Fr> message)
    {
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        command.WritePlaintext(plaintext);
        var key = Ecdh.SharedKey(ephemeralSecretScalar, coordinatorPublicKey);
        PoseidonCipher.Encrypt(plaintext, key, Fr.Zero, message);
    }

    /// <summary>Decrypts with the coordinator's secret scalar; false when the cipher's checks fail (zk-kit poseidonDecrypt).</summary>
    public static bool TryDecrypt(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey, in Fr coordinatorSecretScalar,
        out SignedMaciCommand command)
    {
        command = default;
        CheckLength(message);
        if (!encryptionPublicKey.IsOnCurve) return false;
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        var key = Ecdh.SharedKey(coordinatorSecretScalar, encryptionPublicKey);
        if (!PoseidonCipher.TryDecrypt(message, key, Fr.Zero, SignedMaciCommand.PlaintextLength, plaintext)) return false;
        command = SignedMaciCommand.FromPlaintext(plaintext);
        return true;
    }

    /// <summary>Decrypts as the circuit does (PoseidonDecryptWithoutCheck): a bad message yields a garbage command.</summary>
    public static SignedMaciCommand DecryptWithoutCheck(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey,
        in Fr coordinatorSecretScalar)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        var key = Ecdh.SharedKey(coordinatorSecretScalar, encryptionPublicKey);
        PoseidonCipher.DecryptWithoutCheck(message, key, Fr.Zero, SignedMaciCommand.PlaintextLength, plaintext);
        return SignedMaciCommand.FromPlaintext(plaintext);
    }

    private static void CheckLength(ReadOnlySpan<Fr> message)
    {
        if (message.Length != Length)
            throw new ArgumentException($"an aMACI message has {Length} elements, got {message.Length}", nameof(message));
    }
}
