using Maci.Crypto.Cosmos.Secp256k1Math;
using RandomNumberGenerator = System.Security.Cryptography.RandomNumberGenerator;

namespace Maci.Crypto.Cosmos;

/// <summary>
/// secp256k1 ECDSA as Cosmos SDK uses it (SIGN_MODE_DIRECT): signatures are 64 bytes r‖s (big-endian, no DER,
/// no recovery byte) over a 32-byte message hash, s must be in the lower half of the group order, and public
/// keys are 33-byte compressed points. The curve arithmetic is our own (Secp256k1Math): 4×64-bit limbs,
/// Jacobian coordinates, interleaved wNAF for verification; verification allocates nothing.
/// </summary>
public static class Secp256k1
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 33;
    public const int SignatureLength = 64;
    public const int HashLength = 32;

    /// <summary>
    /// Verifies a Cosmos secp256k1 signature. Returns false (never throws) for any malformed input: wrong
    /// lengths, r or s zero or ≥ n, high s, a public key that is not a valid compressed curve point.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signature64) =>
        EcdsaVerifier.Verify(publicKey33, messageHash32, signature64);

    /// <summary>
    /// Verifies a signature over sha256(<paramref name="message"/>), e.g. the SignDoc bytes of SIGN_MODE_DIRECT.
    /// Same rules as <see cref="Verify"/>.
    /// </summary>
    public static bool VerifySha256(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature64)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        System.Security.Cryptography.SHA256.HashData(message, hash);
        return Verify(publicKey33, hash, signature64);
    }

    /// <summary>Signs sha256(<paramref name="message"/>) as <see cref="Sign"/> does.</summary>
    public static byte[] SignSha256(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> message)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        System.Security.Cryptography.SHA256.HashData(message, hash);
        return Sign(privateKey32, hash);
    }

    /// <summary>
    /// Signs a 32-byte message hash deterministically (RFC 6979 with HMAC-SHA256) and returns r‖s with s
    /// normalised to the lower half of the order, as CosmJS does.
    /// </summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes in [1, n−1] or the hash is not 32 bytes.</exception>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> messageHash32)
    {
        if (messageHash32.Length != HashLength)
            throw new ArgumentException($"message hash must be {HashLength} bytes, got {messageHash32.Length}", nameof(messageHash32));
        var d = ParsePrivateKey(privateKey32);
        var sig = new byte[SignatureLength];
        EcdsaSigner.Sign(d, messageHash32, sig);
        return sig;
    }

    /// <summary>The 33-byte compressed public key of a private key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes in [1, n−1].</exception>
    public static byte[] PublicKeyFromPrivate(ReadOnlySpan<byte> privateKey32)
    {
        var d = ParsePrivateKey(privateKey32);
        EcdsaSigner.MulGenerator(d, out var point);
        point.TryToAffine(out var affine); // d in [1, n−1], so d·G is finite
        var pub = new byte[PublicKeyLength];
        affine.WriteCompressed(pub);
        return pub;
    }

    /// <summary>True for a 33-byte compressed encoding (0x02/0x03 prefix) of a point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => AffinePoint.TryDecompress(publicKey, out _);

    /// <summary>True for 32 bytes encoding an integer in [1, n−1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey) =>
        privateKey.Length == PrivateKeyLength && Scalar.TryFromBytes(privateKey, out var d) && !d.IsZero;

    /// <summary>A fresh random private key from the system CSPRNG.</summary>
    public static byte[] GeneratePrivateKey()
    {
        var key = new byte[PrivateKeyLength];
        do RandomNumberGenerator.Fill(key);
        while (!IsValidPrivateKey(key));
        return key;
    }

    /// <summary>
    /// BIP-32 child key: (key + tweak) mod n, false when the tweak is ≥ n or the sum is zero (the standard then
    /// says to skip that index).
    /// </summary>
    internal static bool TryAddScalars(ReadOnlySpan<byte> key32, ReadOnlySpan<byte> tweak32, Span<byte> result32)
    {
        if (!Scalar.TryFromBytes(tweak32, out var t))
            return false;
        var k = Scalar.FromBytesReduced(key32);
        Scalar.Add(k, t, out var sum);
        if (sum.IsZero)
            return false;
        sum.WriteBytes(result32);
        return true;
    }

    private static Scalar ParsePrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (!IsValidPrivateKey(privateKey32))
            throw new ArgumentException("private key must be 32 bytes encoding an integer in [1, n-1]", nameof(privateKey32));
        Scalar.TryFromBytes(privateKey32, out var d);
        return d;
    }
}
