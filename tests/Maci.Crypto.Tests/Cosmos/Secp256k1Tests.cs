using System.Numerics;
using System.Security.Cryptography;
using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

public sealed class Secp256k1Tests
{
    internal static readonly BigInteger N =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private const string GeneratorCompressed = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
    private const string GeneratorUncompressed = GeneratorCompressed + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";

    [Fact]
    public void PublicKeyOfOneIsTheGenerator()
    {
        var one = new byte[32];
        one[31] = 1;
        Assert.Equal(GeneratorCompressed, Convert.ToHexStringLower(Secp256k1.PublicKeyFromPrivate(one)));
    }

    [Fact]
    public void PublicKeyOfNMinusOneIsTheNegatedGenerator()
    {
        var key = ToFixed32(N - 1);
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        // −G has the same x and the opposite y parity: G's y is even (0x02), so −G is 0x03.
        Assert.Equal("03" + GeneratorCompressed[2..], Convert.ToHexStringLower(pub));
    }

    [Fact]
    public void SignThenVerifyRoundTripsAndIsDeterministic()
    {
        for (var i = 0; i < 8; i++)
        {
            var key = Secp256k1.GeneratePrivateKey();
            var pub = Secp256k1.PublicKeyFromPrivate(key);
            var hash = SHA256.HashData(RandomNumberGenerator.GetBytes(100));
            var sig = Secp256k1.Sign(key, hash);
            Assert.Equal(64, sig.Length);
            Assert.True(Secp256k1.Verify(pub, hash, sig));
            Assert.Equal(sig, Secp256k1.Sign(key, hash));
            Assert.True(ReadS(sig) <= N / 2, "Sign must return low-s");
        }
    }

    [Fact]
    public void Sha256VariantsHashTheMessage()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var signDoc = RandomNumberGenerator.GetBytes(150);
        var sig = Secp256k1.SignSha256(key, signDoc);
        Assert.Equal(Secp256k1.Sign(key, SHA256.HashData(signDoc)), sig);
        Assert.True(Secp256k1.VerifySha256(pub, signDoc, sig));
        Assert.False(Secp256k1.VerifySha256(pub, signDoc.AsSpan(1), sig));
        Assert.False(Secp256k1.VerifySha256(pub, SHA256.HashData(signDoc), sig)); // already hashed: hashed twice
    }

    [Fact]
    public void VerifyRejectsTamperedHashSignatureAndKey()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var hash = SHA256.HashData("sign doc"u8);
        var sig = Secp256k1.Sign(key, hash);

        var otherHash = (byte[])hash.Clone();
        otherHash[5] ^= 1;
        Assert.False(Secp256k1.Verify(pub, otherHash, sig));

        var badSig = (byte[])sig.Clone();
        badSig[10] ^= 0x40;
        Assert.False(Secp256k1.Verify(pub, hash, badSig));

        var otherPub = Secp256k1.PublicKeyFromPrivate(Secp256k1.GeneratePrivateKey());
        Assert.False(Secp256k1.Verify(otherPub, hash, sig));
    }

    [Fact]
    public void VerifyRejectsHighSVariantOfAValidSignature()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var hash = SHA256.HashData("high s"u8);
        var sig = Secp256k1.Sign(key, hash);
        var high = WithS(sig, N - ReadS(sig));
        Assert.True(ReadS(high) > N / 2);
        Assert.False(Secp256k1.Verify(pub, hash, high));
    }

    [Fact]
    public void VerifyRejectsOutOfRangeRAndS()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var hash = SHA256.HashData("range"u8);
        var sig = Secp256k1.Sign(key, hash);
        var r = ReadR(sig);
        var s = ReadS(sig);

        Assert.False(Secp256k1.Verify(pub, hash, Compose(BigInteger.Zero, s)));
        Assert.False(Secp256k1.Verify(pub, hash, Compose(r, BigInteger.Zero)));
        Assert.False(Secp256k1.Verify(pub, hash, Compose(r + N, s)));            // r + n (wrapped mod 2^256 when it overflows): wrong r either way
        Assert.False(Secp256k1.Verify(pub, hash, Compose(N, s)));
        Assert.False(Secp256k1.Verify(pub, hash, Compose(r, N)));
        Assert.False(Secp256k1.Verify(pub, hash, Compose(r, N / 2 + 1)));
        Assert.False(Secp256k1.Verify(pub, hash, Enumerable.Repeat((byte)0xff, 64).ToArray()));
    }

    [Fact]
    public void VerifyRejectsWrongLengths()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var hash = SHA256.HashData("lengths"u8);
        var sig = Secp256k1.Sign(key, hash);

        Assert.False(Secp256k1.Verify(pub, hash, sig.AsSpan(0, 63)));
        Assert.False(Secp256k1.Verify(pub, hash, [.. sig, 1]));   // 65 bytes: recovery byte appended
        Assert.False(Secp256k1.Verify(pub, hash, []));
        Assert.False(Secp256k1.Verify(pub, hash.AsSpan(0, 31), sig));
        Assert.False(Secp256k1.Verify(pub, [.. hash, 0], sig));
        Assert.False(Secp256k1.Verify(pub.AsSpan(0, 32), hash, sig));
        Assert.False(Secp256k1.Verify([], hash, sig));
    }

    [Fact]
    public void VerifyRejectsUncompressedAndInvalidPublicKeys()
    {
        var one = new byte[32];
        one[31] = 1;
        var hash = SHA256.HashData("keys"u8);
        var sig = Secp256k1.Sign(one, hash);
        Assert.True(Secp256k1.Verify(Convert.FromHexString(GeneratorCompressed), hash, sig));

        Assert.False(Secp256k1.Verify(Convert.FromHexString(GeneratorUncompressed), hash, sig));
        foreach (var bad in InvalidPublicKeys())
        {
            Assert.False(Secp256k1.IsValidPublicKey(bad), Convert.ToHexString(bad));
            Assert.False(Secp256k1.Verify(bad, hash, sig), Convert.ToHexString(bad));
        }
    }

    [Fact]
    public void VerifyNeverThrowsOnRandomInput()
    {
        var rng = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var pub = new byte[rng.Next(0, 2) == 0 ? 33 : rng.Next(0, 70)];
            rng.NextBytes(pub);
            if (pub.Length == 33) pub[0] = (byte)(2 + rng.Next(0, 2));
            var hash = new byte[32];
            rng.NextBytes(hash);
            var sig = new byte[64];
            rng.NextBytes(sig);
            var ok = Secp256k1.Verify(pub, hash, sig);
            Assert.False(ok);   // a random signature verifying would mean the verifier accepts garbage
        }
    }

    [Fact]
    public void IsValidPublicKeyAcceptsDerivedKeys()
    {
        for (var i = 0; i < 5; i++)
            Assert.True(Secp256k1.IsValidPublicKey(Secp256k1.PublicKeyFromPrivate(Secp256k1.GeneratePrivateKey())));
    }

    [Fact]
    public void InvalidPrivateKeysAreRejected()
    {
        var hash = new byte[32];
        byte[][] bad = [new byte[32], ToFixed32(N), ToFixed32(N + 1), Enumerable.Repeat((byte)0xff, 32).ToArray(), new byte[31], new byte[33]];
        foreach (var key in bad)
        {
            Assert.False(Secp256k1.IsValidPrivateKey(key));
            Assert.Throws<ArgumentException>(() => Secp256k1.Sign(key, hash));
            Assert.Throws<ArgumentException>(() => Secp256k1.PublicKeyFromPrivate(key));
        }
        Assert.True(Secp256k1.IsValidPrivateKey(ToFixed32(N - 1)));
    }

    [Fact]
    public void SignRejectsHashOfWrongLength()
    {
        var key = Secp256k1.GeneratePrivateKey();
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(key, new byte[31]));
        Assert.Throws<ArgumentException>(() => Secp256k1.Sign(key, new byte[33]));
    }

    internal static IEnumerable<byte[]> InvalidPublicKeys()
    {
        var g = Convert.FromHexString(GeneratorCompressed);
        yield return [0x04, .. g[1..]];                                  // wrong prefix for 33 bytes
        yield return [0x00, .. g[1..]];
        yield return [0x02, .. Enumerable.Repeat((byte)0xff, 32)];       // x ≥ p
        yield return [0x02, .. new byte[32]];                            // x = 0: 7 is not a square mod p
        var noRoot = FindXWithoutSquareRoot();
        yield return [0x02, .. noRoot];
        yield return [0x03, .. noRoot];
    }

    /// <summary>Smallest x for which x³ + 7 is a non-residue mod p (so no point has that x).</summary>
    private static byte[] FindXWithoutSquareRoot()
    {
        var p = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", System.Globalization.NumberStyles.HexNumber);
        for (BigInteger x = 1; ; x++)
        {
            var rhs = (x * x * x + 7) % p;
            if (BigInteger.ModPow(rhs, (p - 1) / 2, p) != 1)
                return ToFixed32(x);
        }
    }

    internal static byte[] ToFixed32(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (bytes.Length > 32) throw new ArgumentOutOfRangeException(nameof(v));
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }

    internal static BigInteger ReadR(ReadOnlySpan<byte> sig) => new(sig[..32], isUnsigned: true, isBigEndian: true);

    internal static BigInteger ReadS(ReadOnlySpan<byte> sig) => new(sig[32..], isUnsigned: true, isBigEndian: true);

    internal static byte[] WithS(byte[] sig, BigInteger s) => [.. sig[..32], .. ToFixed32(s)];

    private static byte[] Compose(BigInteger r, BigInteger s)
    {
        var max = BigInteger.Pow(2, 256);
        return [.. ToFixed32(r % max), .. ToFixed32(s % max)];
    }
}
