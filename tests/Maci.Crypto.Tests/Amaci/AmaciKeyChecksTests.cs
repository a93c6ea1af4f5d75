using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Amaci;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.Amaci;

public class AmaciKeyChecksTests
{
    [Fact]
    public void AcceptsRealKeysAndRefusesTheRest()
    {
        var key = MaciKeypair.FromPrivateKey(111111).PublicKey;
        Assert.True(AmaciKeyChecks.IsValidPublicKey(key));
        Assert.True(AmaciKeyChecks.TryParsePublicKey(key.X.ToString(), key.Y.ToString(), out var parsed));
        Assert.Equal(key, parsed);

        // Identity and (0, −1) are on the curve but have x = 0.
        Assert.False(AmaciKeyChecks.IsValidPublicKey(BabyJubjubPoint.Identity));
        Assert.False(AmaciKeyChecks.IsValidPublicKey(new BabyJubjubPoint(Fr.Zero, -Fr.One)));
        Assert.False(AmaciKeyChecks.TryParsePublicKey(key.X.ToString(), (key.Y + Fr.One).ToString(), out _));
        Assert.False(AmaciKeyChecks.TryParsePublicKey((key.X.ToBigInteger() + Num.R).ToString(), key.Y.ToString(), out _));
        Assert.False(AmaciKeyChecks.TryParsePublicKey("12x", key.Y.ToString(), out _));
        Assert.False(AmaciKeyChecks.TryParsePublicKey(null, key.Y.ToString(), out _));
    }

    [Fact]
    public void LegacyEncryptionKeyFilter()
    {
        Assert.True(AmaciKeyChecks.IsAcceptedMaciEncryptionKey(BabyJubjubPoint.Base8));
        Assert.False(AmaciKeyChecks.IsAcceptedMaciEncryptionKey(BabyJubjubPoint.Identity));
        Assert.False(AmaciKeyChecks.IsAcceptedMaciEncryptionKey(new BabyJubjubPoint(Fr.One, Fr.One)));
    }
}
