using RandomNumberGenerator = System.Security.Cryptography.RandomNumberGenerator;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;

namespace Maci.Crypto.Cosmos;

/// <summary>
/// secp256k1 ECDSA as Cosmos SDK uses it (SIGN_MODE_DIRECT): signatures are 64 bytes r‖s (big-endian, no DER,
/// no recovery byte) over a 32-byte message hash, s must be in the lower half of the group order, and public
/// keys are 33-byte compressed points. Curve arithmetic is Portable.BouncyCastle's.
/// </summary>
public static class Secp256k1
{
    public const int PrivateKeyLength = 32;
    public const int PublicKeyLength = 33;
    public const int SignatureLength = 64;
    public const int HashLength = 32;

    private static readonly X9ECParameters Params = CustomNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Params.Curve, Params.G, Params.N, Params.H);
    private static readonly BigInteger N = Params.N;
    private static readonly BigInteger HalfN = Params.N.ShiftRight(1);

    /// <summary>
    /// Verifies a Cosmos secp256k1 signature. Returns false (never throws) for any malformed input: wrong
    /// lengths, r or s zero or ≥ n, high s, a public key that is not a valid compressed curve point.
    /// </summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> messageHash32, ReadOnlySpan<byte> signature64)
    {
        if (signature64.Length != SignatureLength || messageHash32.Length != HashLength)
            return false;
        var r = new BigInteger(1, signature64[..32].ToArray());
        var s = new BigInteger(1, signature64[32..].ToArray());
        if (r.SignValue <= 0 || r.CompareTo(N) >= 0 || s.SignValue <= 0 || s.CompareTo(HalfN) > 0)
            return false;
        if (!TryDecodePoint(publicKey33, out var q))
            return false;
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(q, Domain));
        return verifier.VerifySignature(messageHash32.ToArray(), r, s);
    }

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
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(d, Domain));
        var rs = signer.GenerateSignature(messageHash32.ToArray());
        var r = rs[0];
        var s = rs[1].CompareTo(HalfN) > 0 ? N.Subtract(rs[1]) : rs[1];
        var sig = new byte[SignatureLength];
        WriteFixed32(r, sig.AsSpan(0, 32));
        WriteFixed32(s, sig.AsSpan(32, 32));
        return sig;
    }

    /// <summary>The 33-byte compressed public key of a private key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes in [1, n−1].</exception>
    public static byte[] PublicKeyFromPrivate(ReadOnlySpan<byte> privateKey32)
    {
        var d = ParsePrivateKey(privateKey32);
        return new FixedPointCombMultiplier().Multiply(Domain.G, d).Normalize().GetEncoded(true);
    }

    /// <summary>True for a 33-byte compressed encoding (0x02/0x03 prefix) of a point on the curve.</summary>
    public static bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => TryDecodePoint(publicKey, out _);

    /// <summary>True for 32 bytes encoding an integer in [1, n−1].</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PrivateKeyLength)
            return false;
        var d = new BigInteger(1, privateKey.ToArray());
        return d.SignValue > 0 && d.CompareTo(N) < 0;
    }

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
        var t = new BigInteger(1, tweak32.ToArray());
        if (t.CompareTo(N) >= 0)
            return false;
        var sum = new BigInteger(1, key32.ToArray()).Add(t).Mod(N);
        if (sum.SignValue == 0)
            return false;
        WriteFixed32(sum, result32);
        return true;
    }

    private static BigInteger ParsePrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (!IsValidPrivateKey(privateKey32))
            throw new ArgumentException("private key must be 32 bytes encoding an integer in [1, n-1]", nameof(privateKey32));
        return new BigInteger(1, privateKey32.ToArray());
    }

    private static bool TryDecodePoint(ReadOnlySpan<byte> publicKey, out ECPoint point)
    {
        point = null!;
        if (publicKey.Length != PublicKeyLength || (publicKey[0] != 0x02 && publicKey[0] != 0x03))
            return false;
        try
        {
            point = Params.Curve.DecodePoint(publicKey.ToArray());
        }
        catch (ArgumentException)
        {
            return false; // x ≥ p, or x³ + 7 has no square root
        }
        return !point.IsInfinity && point.IsValid();
    }

    private static void WriteFixed32(BigInteger value, Span<byte> dest)
    {
        var bytes = value.ToByteArrayUnsigned();
        dest.Clear();
        bytes.CopyTo(dest[(32 - bytes.Length)..]);
    }
}
