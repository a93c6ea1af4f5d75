using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;

namespace Maci.Crypto.Amaci;

/// <summary>A command with its signature; its plaintext form is [packed, newPub.x, newPub.y, salt, R8.x, R8.y, S].</summary>
public readonly record struct SignedMaciCommand(MaciCommand Command, EdDsaSignature Signature)
{
    public const int PlaintextLength = 7;

    public void WritePlaintext(Span<Fr> destination)
    {
        if (destination.Length < PlaintextLength)
            throw new ArgumentException($"a command plaintext has {PlaintextLength} elements", nameof(destination));
        destination[0] = Command.Packed;
        destination[1] = Command.NewPublicKey.X;
        destination[2] = Command.NewPublicKey.Y;
        destination[3] = Command.Salt;
        destination[4] = Signature.R8.X;
        destination[5] = Signature.R8.Y;
        destination[6] = Signature.S;
    }

    public static SignedMaciCommand FromPlaintext(ReadOnlySpan<Fr> plaintext)
    {
        if (plaintext.Length != PlaintextLength)
            throw new ArgumentException($"a command plaintext has {PlaintextLength} elements, got {plaintext.Length}", nameof(plaintext));
        return new SignedMaciCommand(
            new MaciCommand(plaintext[0], new BabyJubjubPoint(plaintext[1], plaintext[2]), plaintext[3]),
            new EdDsaSignature(new BabyJubjubPoint(plaintext[4], plaintext[5]), plaintext[6]));
    }

    /// <summary>EdDSA-Poseidon verification of the command hash under the state leaf's public key.</summary>
    public bool VerifySignature(in BabyJubjubPoint publicKey) => EdDsaPoseidon.Verify(Command.Hash(), Signature, publicKey);
}
