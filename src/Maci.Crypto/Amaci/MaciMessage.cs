using System.Runtime.CompilerServices;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

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
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        command.WritePlaintext(plaintext);
        CommandCipher.Encrypt(plaintext, ephemeralSecretScalar, coordinatorPublicKey, message);
    }

    /// <summary>Decrypts with the coordinator's secret scalar; false when the cipher's checks fail (zk-kit poseidonDecrypt).</summary>
    public static bool TryDecrypt(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey, in Fr coordinatorSecretScalar,
        out SignedMaciCommand command)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        var ok = CommandCipher.TryDecrypt(message, encryptionPublicKey, coordinatorSecretScalar, plaintext);
        command = ok ? SignedMaciCommand.FromPlaintext(plaintext) : default;
        return ok;
    }

    /// <summary>Decrypts as the circuit does (PoseidonDecryptWithoutCheck): a bad message yields a garbage command.</summary>
    public static SignedMaciCommand DecryptWithoutCheck(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey,
        in Fr coordinatorSecretScalar)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciCommand.PlaintextLength];
        CommandCipher.DecryptWithoutCheck(message, encryptionPublicKey, coordinatorSecretScalar, plaintext);
        return SignedMaciCommand.FromPlaintext(plaintext);
    }

    private static void CheckLength(ReadOnlySpan<Fr> message) => CommandCipher.CheckLength(message, Length, "an aMACI message");
}
