using System.Security.Cryptography;
using Maci.Crypto.Cosmos;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;
using BcInt = Org.BouncyCastle.Math.BigInteger;
using Bc = Maci.Crypto.Tests.Cosmos.BouncyCastleSecp256k1;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>The own secp256k1 implementation against BouncyCastle on random and edge inputs.</summary>
public sealed class Secp256k1OracleTests
{
    private static readonly BcInt P = Bc.Params.Curve.Field.Characteristic;

    [Fact]
    public void RandomKeysSignByteIdenticallyAndVerifyAgree()
    {
        var rng = new Random(6979);
        for (var i = 0; i < 60; i++)
        {
            var key = Secp256k1.GeneratePrivateKey();
            var hash = Bytes(rng, 32);
            var pub = Secp256k1.PublicKeyFromPrivate(key);
            Assert.Equal(Bc.PublicKey(key), pub);
            var sig = Secp256k1.Sign(key, hash);
            Assert.Equal(Bc.Sign(key, hash), sig);
            Assert.True(Secp256k1.Verify(pub, hash, sig));
            Assert.True(Bc.Verify(pub, hash, sig));
        }
    }

    [Fact]
    public void EdgeKeysAndHashesMatchBouncyCastle()
    {
        var n = Bc.N;
        BcInt[] keys = [BcInt.One, BcInt.Two, BcInt.Three, n.Subtract(BcInt.One), n.Subtract(BcInt.Two), n.ShiftRight(1), n.ShiftRight(1).Add(BcInt.One), BcInt.One.ShiftLeft(128), BcInt.One.ShiftLeft(255)];
        byte[][] hashes =
        [
            new byte[32], Bc.Fixed32(BcInt.One), Bc.Fixed32(n.Subtract(BcInt.One)), Bc.Fixed32(n), Bc.Fixed32(n.Add(BcInt.One)),
            Enumerable.Repeat((byte)0xff, 32).ToArray(), Bc.Fixed32(BcInt.One.ShiftLeft(255)),
        ];
        foreach (var k in keys)
        {
            var key = Bc.Fixed32(k);
            var pub = Secp256k1.PublicKeyFromPrivate(key);
            Assert.Equal(Bc.PublicKey(key), pub);
            foreach (var hash in hashes)
            {
                var sig = Secp256k1.Sign(key, hash);
                Assert.Equal(Bc.Sign(key, hash), sig);
                Assert.True(Secp256k1.Verify(pub, hash, sig));
                Assert.True(Bc.Verify(pub, hash, sig));
            }
        }
    }

    [Fact]
    public void RandomMutationsAgreeWithBouncyCastle()
    {
        var rng = new Random(42);
        var accepted = 0;
        for (var i = 0; i < 150; i++)
        {
            var key = Secp256k1.GeneratePrivateKey();
            var pub = Secp256k1.PublicKeyFromPrivate(key);
            var hash = Bytes(rng, 32);
            var sig = Secp256k1.Sign(key, hash);
            byte[] p2 = (byte[])pub.Clone(), h2 = (byte[])hash.Clone(), s2 = (byte[])sig.Clone();
            switch (rng.Next(6))
            {
                case 0: p2[1 + rng.Next(32)] ^= (byte)(1 << rng.Next(8)); break;
                case 1: h2[rng.Next(32)] ^= (byte)(1 << rng.Next(8)); break;
                case 2: s2[rng.Next(64)] ^= (byte)(1 << rng.Next(8)); break;
                case 3: p2[0] ^= 1; break;                                        // the other y
                case 4: s2 = Secp256k1Tests.WithS(sig, Secp256k1Tests.N - Secp256k1Tests.ReadS(sig)); break; // high s
                default: break;                                                   // unmodified
            }
            var ours = Secp256k1.Verify(p2, h2, s2);
            Assert.Equal(Bc.Verify(p2, h2, s2), ours);
            Assert.Equal(Bc.TryDecode(p2) is not null, Secp256k1.IsValidPublicKey(p2));
            if (ours) accepted++;
        }
        Assert.InRange(accepted, 10, 60); // the unmodified sixth verifies; mutations almost never do
    }

    [Fact]
    public void RandomGarbageAgreesWithBouncyCastle()
    {
        var rng = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var pub = Bytes(rng, 33);
            pub[0] = (byte)(2 + (i & 1));
            var hash = Bytes(rng, 32);
            var sig = Bytes(rng, 64);
            if (i % 3 == 0) sig[32] &= 0x7f; // often a low s, so the curve arithmetic runs
            Assert.Equal(Bc.TryDecode(pub) is not null, Secp256k1.IsValidPublicKey(pub));
            Assert.Equal(Bc.Verify(pub, hash, sig), Secp256k1.Verify(pub, hash, sig));
        }
    }

    [Fact]
    public void SignatureWhoseNonceXIsAtLeastNVerifies()
    {
        // r = R.x − n for a point R with n ≤ R.x < p: the verifier must also try x = r + n.
        var rng = new Random(99);
        var found = 0;
        for (var x = Bc.N.Add(BcInt.One); found < 3; x = x.Add(BcInt.One))
        {
            var r = x.Subtract(Bc.N);
            var rPoint = Decode(x, rng.Next(2) == 0);
            if (rPoint is null) continue;
            // Q = r⁻¹·(s·R − e·G) makes (r, s) a signature of e by Q whose R is our point.
            var s = RandomBelow(rng, Bc.N.ShiftRight(1)).Add(BcInt.One);
            var e = RandomBelow(rng, Bc.N);
            var q = rPoint.Multiply(s).Subtract(Bc.Params.G.Multiply(e)).Multiply(r.ModInverse(Bc.N)).Normalize();
            var pub = q.GetEncoded(true);
            byte[] sig = [.. Bc.Fixed32(r), .. Bc.Fixed32(s)];
            var hash = Bc.Fixed32(e);
            Assert.True(Bc.Verify(pub, hash, sig));
            Assert.True(Secp256k1.Verify(pub, hash, sig));
            hash[31] ^= 1;
            Assert.False(Secp256k1.Verify(pub, hash, sig));
            found++;
        }
    }

    [Fact]
    public void PublicKeysWithXAtLeastNWork()
    {
        var rng = new Random(5);
        var found = 0;
        for (var x = Bc.N.Add(BcInt.ValueOf(1000)); found < 3; x = x.Add(BcInt.One))
        {
            var q = Decode(x, found % 2 == 0);
            if (q is null) continue;
            var pub = q.GetEncoded(true);
            Assert.True(Secp256k1.IsValidPublicKey(pub));
            var forged = Bc.ForgeFor(q, RandomBelow(rng, Bc.N), RandomBelow(rng, Bc.N).Add(BcInt.One));
            if (forged is not { } f) continue;
            Assert.True(Secp256k1.Verify(pub, f.Hash, f.Signature));
            Assert.False(Secp256k1.Verify(Flip(pub), f.Hash, f.Signature));
            found++;
        }
    }

    [Fact]
    public void ExtremeVerifyScalarsAgreeWithBouncyCastle()
    {
        // u1 = e/s and u2 = r/s at 0, 1 and n − 1 exercise the wNAF and GLV split at their edges.
        var rng = new Random(11);
        var q = Bc.Params.G.Multiply(RandomBelow(rng, Bc.N).Add(BcInt.One)).Normalize();
        var pub = q.GetEncoded(true);
        BcInt[] us = [BcInt.Zero, BcInt.One, Bc.N.Subtract(BcInt.One), Bc.N.ShiftRight(1), BcInt.One.ShiftLeft(128), BcInt.One.ShiftLeft(129).Subtract(BcInt.One)];
        var checkedCount = 0;
        foreach (var u1 in us)
            foreach (var u2 in us.Where(u => u.SignValue > 0))
            {
                if (Bc.ForgeFor(q, u1, u2) is { } f)
                {
                    Assert.True(Bc.Verify(pub, f.Hash, f.Signature));
                    Assert.True(Secp256k1.Verify(pub, f.Hash, f.Signature));
                    checkedCount++;
                }
                if (Bc.ForgeFor(q, u1, Bc.N.Subtract(u2)) is { } g)
                {
                    Assert.True(Secp256k1.Verify(pub, g.Hash, g.Signature));
                    checkedCount++;
                }
            }
        Assert.True(checkedCount >= 10, $"only {checkedCount} forged cases");
    }

    [Fact]
    public void VerifyAllocatesNothing()
    {
        var key = Secp256k1.GeneratePrivateKey();
        var pub = Secp256k1.PublicKeyFromPrivate(key);
        var hash = SHA256.HashData("allocation"u8);
        var sig = Secp256k1.Sign(key, hash);
        var bad = (byte[])sig.Clone();
        bad[40] ^= 1;
        Assert.True(Secp256k1.Verify(pub, hash, sig)); // first call builds the static tables
        Assert.False(Secp256k1.Verify(pub, hash, bad));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ok = 0;
        for (var i = 0; i < 20; i++)
        {
            if (Secp256k1.Verify(pub, hash, sig)) ok++;
            if (Secp256k1.Verify(pub, hash, bad)) ok--;
            if (Secp256k1.IsValidPublicKey(pub)) ok++;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(40, ok);
    }

    [Fact]
    public void PrivateKeyRangeMatchesBouncyCastle()
    {
        var n = Bc.N;
        foreach (var v in new[] { BcInt.Zero, BcInt.One, n.Subtract(BcInt.One), n, n.Add(BcInt.One), BcInt.One.ShiftLeft(256).Subtract(BcInt.One) })
            Assert.Equal(v.SignValue > 0 && v.CompareTo(n) < 0, Secp256k1.IsValidPrivateKey(Bc.Fixed32(v)));
    }

    private static ECPoint? Decode(BcInt x, bool odd)
    {
        if (x.CompareTo(P) >= 0) return null;
        return Bc.TryDecode([odd ? (byte)3 : (byte)2, .. Bc.Fixed32(x)]);
    }

    private static byte[] Flip(byte[] pub) => [(byte)(pub[0] ^ 1), .. pub[1..]];

    private static BcInt RandomBelow(Random rng, BcInt bound)
    {
        BcInt v;
        do v = new BcInt(1, Bytes(rng, 32));
        while (v.CompareTo(bound) >= 0);
        return v;
    }

    private static byte[] Bytes(Random rng, int length)
    {
        var b = new byte[length];
        rng.NextBytes(b);
        return b;
    }
}
