using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Maci.Node.Chain;

/// <summary>
/// The embedded producer's single ed25519 validator key (BouncyCastle; .NET has no ed25519).
/// Address = first 20 bytes of sha256(pubkey), as CometBFT derives it.
/// </summary>
public sealed class ValidatorKey
{
    public const int SeedSize = 32;

    private readonly Ed25519PrivateKeyParameters _privateKey;

    public ValidatorKey(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
            throw new ArgumentException($"an ed25519 seed is {SeedSize} bytes, got {seed.Length}", nameof(seed));
        _privateKey = new Ed25519PrivateKeyParameters(seed.ToArray(), 0);
        PubKey = _privateKey.GeneratePublicKey().GetEncoded();
        Address = SHA256.HashData(PubKey)[..20];
    }

    public static ValidatorKey Generate() => new(RandomNumberGenerator.GetBytes(SeedSize));

    public byte[] PubKey { get; }

    public byte[] Address { get; }

    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _privateKey);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.GenerateSignature();
    }

    public static bool Verify(ReadOnlySpan<byte> pubKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (pubKey.Length != 32 || signature.Length != 64) return false;
        var verifier = new Ed25519Signer();
        verifier.Init(false, new Ed25519PublicKeyParameters(pubKey.ToArray(), 0));
        var bytes = message.ToArray();
        verifier.BlockUpdate(bytes, 0, bytes.Length);
        return verifier.VerifySignature(signature.ToArray());
    }
}
