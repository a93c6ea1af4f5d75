using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;

namespace Maci.Crypto.Amaci;

/// <summary>A legacy MACI command with its signature; its plaintext form is [packed, newPub.x, newPub.y, R8.x, R8.y, S].</summary>
public readonly record struct SignedMaciLegacyCommand(MaciLegacyCommand Command, EdDsaSignature Signature)
{
    public const int PlaintextLength = 6;

    public void WritePlaintext(Span<Fr> destination)
    {
        if (destination.Length < PlaintextLength)
            throw new ArgumentException($"a legacy command plaintext has {PlaintextLength} elements", nameof(destination));
        destination[0] = Command.Packed;
        destination[1] = Command.NewPublicKey.X;
        destination[2] = Command.NewPublicKey.Y;
        destination[3] = Signature.R8.X;
        destination[4] = Signature.R8.Y;
        destination[5] = Signature.S;
    }

    public static SignedMaciLegacyCommand FromPlaintext(ReadOnlySpan<Fr> plaintext)
    {
        if (plaintext.Length != PlaintextLength)
            throw new ArgumentException($"a legacy command plaintext has {PlaintextLength} elements, got {plaintext.Length}", nameof(plaintext));
        return new SignedMaciLegacyCommand(
            new MaciLegacyCommand(plaintext[0], new BabyJubjubPoint(plaintext[1], plaintext[2])),
            new EdDsaSignature(new BabyJubjubPoint(plaintext[3], plaintext[4]), plaintext[5]));
    }

    /// <summary>EdDSA-Poseidon verification of the command hash under the state leaf's public key.</summary>
    public bool VerifySignature(in BabyJubjubPoint publicKey) => EdDsaPoseidon.Verify(Command.Hash(), Signature, publicKey);
}
