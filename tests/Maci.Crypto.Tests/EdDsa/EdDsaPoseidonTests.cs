using System.Numerics;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.EdDsa;

public class EdDsaPoseidonTests
{
    private static readonly byte[] Key = Convert.FromHexString("0001020304050607080900010203040506070809000102030405060708090001");

    [Fact]
    public void MatchesCircomlibjsTestVector()
    {
        // circomlibjs test/eddsa.js: message = little-endian integer of bytes 000102030405060708090000.
        var msg = Num.F(Num.FromLittleEndian(Convert.FromHexString("000102030405060708090000")));
        var pub = EdDsaPoseidon.DerivePublicKey(Key);
        Assert.Equal(Num.F("13277427435165878497778222415993513565335242147425444199013288855685581939618"), pub.X);
        Assert.Equal(Num.F("13622229784656158136036771217484571176836296686641868549125388198837476602820"), pub.Y);
        var sig = EdDsaPoseidon.Sign(Key, msg);
        Assert.Equal(Num.F("11384336176656855268977457483345535180380036354188103142384839473266348197733"), sig.R8.X);
        Assert.Equal(Num.F("15383486972088797283337779941324724402501462225528836549661220478783371668959"), sig.R8.Y);
        Assert.Equal(Num.F("1672775540645840396591609181675628451599263765380031905495115170613215233181"), sig.S);
        Assert.True(EdDsaPoseidon.Verify(msg, sig, pub));
    }

    [Fact]
    public void TamperedSignaturesFailVerification()
    {
        var msg = Fr.FromUInt64(42);
        var pub = EdDsaPoseidon.DerivePublicKey(Key);
        var sig = EdDsaPoseidon.Sign(Key, msg);
        Assert.True(EdDsaPoseidon.Verify(msg, sig, pub));

        Assert.False(EdDsaPoseidon.Verify(Fr.FromUInt64(43), sig, pub));
        Assert.False(EdDsaPoseidon.Verify(msg, sig with { S = sig.S + Fr.One }, pub));
        // S + l is the same scalar modulo l but must be refused (S ≥ l).
        Assert.False(EdDsaPoseidon.Verify(msg, sig with { S = Num.F(sig.S.ToBigInteger() + Num.L) }, pub));
        Assert.False(EdDsaPoseidon.Verify(msg, sig with { R8 = BabyJubjubPoint.Double(sig.R8) }, pub));
        Assert.False(EdDsaPoseidon.Verify(msg, sig with { R8 = new BabyJubjubPoint(sig.R8.X, sig.R8.Y + Fr.One) }, pub));
        Assert.False(EdDsaPoseidon.Verify(msg, sig, new BabyJubjubPoint(pub.X + Fr.One, pub.Y)));
        Assert.False(EdDsaPoseidon.Verify(msg, sig, EdDsaPoseidon.DerivePublicKey([1, 2, 3])));
        Assert.False(EdDsaPoseidon.Verify(msg, default, pub));
    }

    [Fact]
    public void UnpackRejectsBadSignatures()
    {
        var sig = EdDsaPoseidon.Sign(Key, Fr.FromUInt64(7));
        var packed = new byte[64];
        sig.Pack(packed);
        Assert.False(EdDsaSignature.TryUnpack(packed.AsSpan(0, 63), out _));
        var highS = (byte[])packed.Clone();
        Num.LittleEndian(Num.L, 32).CopyTo(highS, 32);
        Assert.False(EdDsaSignature.TryUnpack(highS, out _));
        var badR = (byte[])packed.Clone();
        Num.LittleEndian(Num.R, 32).CopyTo(badR, 0);
        Assert.False(EdDsaSignature.TryUnpack(badR, out _));
        Assert.Throws<InvalidOperationException>(() => (sig with { S = Num.F(Num.L) }).Pack(new byte[64]));
    }

    [Fact]
    public void SecretScalarIsBelowTheSubgroupOrderAndGivesThePublicKey()
    {
        var rng = new Random(7);
        for (var i = 0; i < 20; i++)
        {
            var key = new byte[1 + rng.Next(48)];
            rng.NextBytes(key);
            var s = EdDsaPoseidon.DeriveSecretScalar(key);
            Assert.True(s.ToBigInteger() < Num.L);
            Assert.Equal(EdDsaPoseidon.DerivePublicKey(key), EdDsaPoseidon.MultiplyBase8(s));
            Assert.True(EdDsaPoseidon.DerivePublicKey(key).IsInPrimeSubgroup);
        }
    }
}
