using System.Runtime.CompilerServices;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Amaci;

/// <summary>
/// Legacy MACI message encryption (the Dora SDK's legacy builders): the 6-element command plaintext under poseidon-cipher
/// with key ECDH(ephemeral secret, coordinator public key) and nonce 0, giving 7 elements; sent with the ephemeral public key.
/// </summary>
[SkipLocalsInit]
public static class MaciLegacyMessage
{
    public const int Length = 7;

    public static void Encrypt(in SignedMaciLegacyCommand command, in Fr ephemeralSecretScalar, in BabyJubjubPoint coordinatorPublicKey,
        Span<Fr> message)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciLegacyCommand.PlaintextLength];
        command.WritePlaintext(plaintext);
        CommandCipher.Encrypt(plaintext, ephemeralSecretScalar, coordinatorPublicKey, message);
    }

    /// <summary>Decrypts with the coordinator's secret scalar; false when the cipher's checks fail (zk-kit poseidonDecrypt).</summary>
    public static bool TryDecrypt(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey, in Fr coordinatorSecretScalar,
        out SignedMaciLegacyCommand command)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciLegacyCommand.PlaintextLength];
        var ok = CommandCipher.TryDecrypt(message, encryptionPublicKey, coordinatorSecretScalar, plaintext);
        command = ok ? SignedMaciLegacyCommand.FromPlaintext(plaintext) : default;
        return ok;
    }

    /// <summary>Decrypts as the circuit does (PoseidonDecryptWithoutCheck): a bad message yields a garbage command.</summary>
    public static SignedMaciLegacyCommand DecryptWithoutCheck(ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey,
        in Fr coordinatorSecretScalar)
    {
        CheckLength(message);
        Span<Fr> plaintext = stackalloc Fr[SignedMaciLegacyCommand.PlaintextLength];
        CommandCipher.DecryptWithoutCheck(message, encryptionPublicKey, coordinatorSecretScalar, plaintext);
        return SignedMaciLegacyCommand.FromPlaintext(plaintext);
    }

    /// <summary>One legacy message-chain step h' = H2(H5(m0..m4), H5(m5, m6, enc.x, enc.y, h)).</summary>
    public static Fr ChainStep(in Fr previous, ReadOnlySpan<Fr> message, in BabyJubjubPoint encryptionPublicKey)
    {
        CheckLength(message);
        var left = PoseidonHash.Hash5(message[0], message[1], message[2], message[3], message[4]);
        var right = PoseidonHash.Hash5(message[5], message[6], encryptionPublicKey.X, encryptionPublicKey.Y, previous);
        return PoseidonHash.Hash2(left, right);
    }

    private static void CheckLength(ReadOnlySpan<Fr> message) => CommandCipher.CheckLength(message, Length, "a legacy MACI message");
}
