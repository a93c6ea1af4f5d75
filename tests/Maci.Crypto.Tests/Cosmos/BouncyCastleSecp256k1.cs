using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BcInt = Org.BouncyCastle.Math.BigInteger;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>
/// Test oracle: Cosmos secp256k1 rules (64-byte r‖s, low s, compressed keys) over Portable.BouncyCastle 1.8.10,
/// the implementation Maci.Crypto used before it got its own curve arithmetic.
/// </summary>
internal static class BouncyCastleSecp256k1
{
    public static readonly X9ECParameters Params = CustomNamedCurves.GetByName("secp256k1");
    public static readonly ECDomainParameters Domain = new(Params.Curve, Params.G, Params.N, Params.H);
    public static readonly BcInt N = Params.N;
    private static readonly BcInt HalfN = N.ShiftRight(1);

    public static bool Verify(byte[] pub, byte[] hash, byte[] sig)
    {
        if (sig.Length != 64 || hash.Length != 32)
            return false;
        var r = new BcInt(1, sig, 0, 32);
        var s = new BcInt(1, sig, 32, 32);
        if (r.SignValue <= 0 || r.CompareTo(N) >= 0 || s.SignValue <= 0 || s.CompareTo(HalfN) > 0)
            return false;
        var q = TryDecode(pub);
        if (q is null)
            return false;
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(q, Domain));
        return verifier.VerifySignature(hash, r, s);
    }

    public static byte[] Sign(byte[] key, byte[] hash)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BcInt(1, key), Domain));
        var rs = signer.GenerateSignature(hash);
        var s = rs[1].CompareTo(HalfN) > 0 ? N.Subtract(rs[1]) : rs[1];
        return [.. Fixed32(rs[0]), .. Fixed32(s)];
    }

    public static byte[] PublicKey(byte[] key) => Params.G.Multiply(new BcInt(1, key)).Normalize().GetEncoded(true);

    public static ECPoint? TryDecode(byte[] pub)
    {
        if (pub.Length != 33 || (pub[0] != 2 && pub[0] != 3))
            return null;
        try
        {
            var p = Params.Curve.DecodePoint(pub);
            return p.IsInfinity || !p.IsValid() ? null : p;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A valid low-s signature for public key <paramref name="q"/> without its private key: pick u1, u2, take
    /// R = u1·G + u2·Q, r = R.x mod n, s = r/u2 and e = u1·s. Null when R is infinity, r is 0 or s is high.
    /// </summary>
    public static (byte[] Hash, byte[] Signature)? ForgeFor(ECPoint q, BcInt u1, BcInt u2)
    {
        var rPoint = Params.G.Multiply(u1).Add(q.Multiply(u2)).Normalize();
        if (rPoint.IsInfinity)
            return null;
        var r = rPoint.AffineXCoord.ToBigInteger().Mod(N);
        if (r.SignValue == 0)
            return null;
        var s = r.Multiply(u2.ModInverse(N)).Mod(N);
        if (s.SignValue == 0 || s.CompareTo(HalfN) > 0)
            return null;
        var e = u1.Multiply(s).Mod(N);
        return (Fixed32(e), [.. Fixed32(r), .. Fixed32(s)]);
    }

    public static byte[] Fixed32(BcInt v)
    {
        var bytes = v.ToByteArrayUnsigned();
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }
}
