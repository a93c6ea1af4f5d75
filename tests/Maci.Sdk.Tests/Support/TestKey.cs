using System.Security.Cryptography;
using Maci.Sdk.Crypto;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace Maci.Sdk.Tests.Support;

/// <summary>
/// Test-only secp256k1 key (BouncyCastle, deterministic RFC 6979 nonces): signs 64-byte r‖s low-s
/// signatures and derives Cosmos addresses. Also serves as the app's verifier in tests.
/// </summary>
public sealed class TestKey
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    private readonly BigInteger _d;

    public TestKey(byte[] privateKey)
    {
        _d = new BigInteger(1, privateKey);
        PublicKey = Curve.G.Multiply(_d).Normalize().GetEncoded(true);
        Address = Verifier.AddressFromPublicKey(PublicKey);
    }

    /// <summary>A key derived from a seed string (sha256 of it), so tests read as "alice", "bob".</summary>
    public static TestKey FromSeed(string seed) => new(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    public byte[] PublicKey { get; }

    public byte[] Address { get; }

    public static ISecp256k1 Verifier { get; } = new BouncyVerifier();

    public byte[] Sign(ReadOnlySpan<byte> message, bool forceHighS = false)
    {
        var hash = SHA256.HashData(message);
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(_d, Domain));
        var rs = signer.GenerateSignature(hash);
        BigInteger r = rs[0], s = rs[1];
        if (s.CompareTo(HalfN) > 0) s = Curve.N.Subtract(s);
        if (forceHighS) s = Curve.N.Subtract(s);
        var sig = new byte[64];
        r.ToByteArrayUnsigned().CopyTo(sig, 32 - r.ToByteArrayUnsigned().Length);
        s.ToByteArrayUnsigned().CopyTo(sig, 64 - s.ToByteArrayUnsigned().Length);
        return sig;
    }

    private sealed class BouncyVerifier : ISecp256k1
    {
        public bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64)
        {
            if (signature64.Length != 64 || hash32.Length != 32 || publicKey33.Length != 33) return false;
            var r = new BigInteger(1, signature64[..32].ToArray());
            var s = new BigInteger(1, signature64[32..].ToArray());
            if (s.CompareTo(HalfN) > 0) return false; // low-s only
            try
            {
                var q = Curve.Curve.DecodePoint(publicKey33.ToArray());
                var v = new ECDsaSigner();
                v.Init(false, new ECPublicKeyParameters(q, Domain));
                return v.VerifySignature(hash32.ToArray(), r, s);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        public byte[] AddressFromPublicKey(ReadOnlySpan<byte> publicKey33)
        {
            var sha = SHA256.HashData(publicKey33);
            var ripemd = new RipeMD160Digest();
            ripemd.BlockUpdate(sha, 0, sha.Length);
            var output = new byte[20];
            ripemd.DoFinal(output, 0);
            return output;
        }
    }
}
