using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Amaci;
using Maci.Crypto.Encryption;

namespace Maci.Crypto.Tests.Encryption;

public class ElGamalAndEcdhTests
{
    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(111111);

    [Fact]
    public void EcdhIsSymmetric()
    {
        var alice = MaciKeypair.FromPrivateKey(1);
        var bob = MaciKeypair.FromPrivateKey(2);
        Assert.Equal(Ecdh.SharedKey(alice.SecretScalar, bob.PublicKey), Ecdh.SharedKey(bob.SecretScalar, alice.PublicKey));
        Assert.Equal(alice.SharedKey(bob.PublicKey), Ecdh.SharedKey(new byte[] { 1 }, bob.PublicKey));
    }

    [Fact]
    public void OffCurveKeysAreRefused()
    {
        var off = new BabyJubjubPoint(Fr.One, Fr.One);
        Assert.Throws<ArgumentException>(() => Ecdh.SharedKey(Fr.One, off));
        Assert.Throws<ArgumentException>(() => ElGamal.EncryptParity(false, off, Fr.One));
        Assert.Throws<ArgumentException>(() => ElGamal.Rerandomize(off, BabyJubjubPoint.Base8, BabyJubjubPoint.Base8, Fr.One));
        Assert.Throws<ArgumentException>(() => ElGamal.EncryptParity(false, Coordinator.PublicKey, Fr.Zero));
    }

    [Theory]
    [InlineData(false, 5UL)]
    [InlineData(true, 5UL)]
    [InlineData(false, 987654321UL)]
    [InlineData(true, 987654321UL)]
    public void ParityRoundTripsAndSurvivesRerandomisation(bool odd, ulong seed)
    {
        var ct = ElGamal.EncryptParity(odd, Coordinator.PublicKey, Fr.FromUInt64(seed));
        Assert.Equal(odd, ElGamal.DecryptsOdd(Coordinator.SecretScalar, ct.C1, ct.C2));
        var (d1, d2) = ElGamal.Rerandomize(Coordinator.PublicKey, ct.C1, ct.C2, Fr.FromUInt64(seed * 31 + 7));
        Assert.NotEqual(ct.C1, d1);
        Assert.Equal(odd, ElGamal.DecryptsOdd(Coordinator.SecretScalar, d1, d2));
        // Another key decrypts to an unrelated point.
        var other = MaciKeypair.FromPrivateKey(3);
        Assert.NotEqual(ElGamal.DecryptPoint(Coordinator.SecretScalar, ct.C1, ct.C2), ElGamal.DecryptPoint(other.SecretScalar, ct.C1, ct.C2));
    }

    [Fact]
    public void AllZeroCiphertextReadsAsActive()
    {
        // A fresh sign-up leaf has c1 = c2 = (0, 0): M = (0,0) − s·(0,0) has x = 0, which is even.
        Assert.False(ElGamal.DecryptsOdd(Coordinator.SecretScalar, default, default));
    }
}
