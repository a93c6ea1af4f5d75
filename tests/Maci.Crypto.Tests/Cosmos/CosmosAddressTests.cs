using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

public sealed class CosmosAddressTests
{
    // RIPEMD160(SHA256(G compressed)) — the witness program of BIP-173's example address bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.
    private const string GeneratorHash160 = "751e76e8199196d454941c45d1b3a323f1433bd6";
    private static readonly byte[] Generator = Convert.FromHexString("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    [Fact]
    public void AddressIsHash160OfTheCompressedKey()
    {
        Assert.Equal(GeneratorHash160, Convert.ToHexStringLower(CosmosAddress.FromPublicKey(Generator)));
    }

    [Fact]
    public void Bech32FormRoundTripsThroughParse()
    {
        var bech = CosmosAddress.Bech32FromPublicKey(Generator, "cosmos");
        Assert.StartsWith("cosmos1", bech);
        Assert.Equal(GeneratorHash160, Convert.ToHexStringLower(CosmosAddress.Parse(bech, "cosmos")));
        Assert.True(CosmosAddress.TryParse(bech, "cosmos", out var addr));
        Assert.Equal(GeneratorHash160, Convert.ToHexStringLower(addr));
    }

    [Fact]
    public void ParseRejectsWrongPrefixLengthAndChecksum()
    {
        var addr = CosmosAddress.FromPublicKey(Generator);
        var bech = CosmosAddress.ToBech32(addr, "maci");
        Assert.Contains("expected 'cosmos'", Assert.Throws<FormatException>(() => CosmosAddress.Parse(bech, "cosmos")).Message);
        Assert.False(CosmosAddress.TryParse(bech, "cosmos", out _));

        var long32 = Bech32.Encode("maci", new byte[32]);
        Assert.Contains("expected 20", Assert.Throws<FormatException>(() => CosmosAddress.Parse(long32, "maci")).Message);
        Assert.False(CosmosAddress.TryParse(long32, "maci", out _));

        var broken = bech[..^1] + (bech[^1] == 'q' ? 'p' : 'q');
        Assert.Throws<FormatException>(() => CosmosAddress.Parse(broken, "maci"));
        Assert.False(CosmosAddress.TryParse(broken, "maci", out _));
        Assert.False(CosmosAddress.TryParse(null, "maci", out _));
    }

    [Fact]
    public void RejectsInvalidKeysAndAddressLengths()
    {
        foreach (var bad in Secp256k1Tests.InvalidPublicKeys())
            Assert.Throws<ArgumentException>(() => CosmosAddress.FromPublicKey(bad));
        Assert.Throws<ArgumentException>(() => CosmosAddress.ToBech32(new byte[19], "maci"));
    }
}
