using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>BIP-32 reference test vectors 1 and 3 (private keys and chain codes).</summary>
public sealed class Bip32Tests
{
    private const string Seed1 = "000102030405060708090a0b0c0d0e0f";
    private const string Seed3 =
        "4b381541583be4423346c643850da4b320e46a87ae3d2a4e6da11eba819cd4acba45d239319ac14f863b8d5ab5a0d0c64d2e8a1e7d1457df2e5a3c51c73235be";

    public static TheoryData<string, string, string, string> Vectors => new()
    {
        { Seed1, "m", "e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35", "873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508" },
        { Seed1, "m/0'", "edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea", "47fdacbd0f1097043b78c63c20c34ef4ed9a111d980047ad16282c7ae6236141" },
        { Seed1, "m/0'/1", "3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368", "2a7857631386ba23dacac34180dd1983734e444fdbf774041578e9b6adb37c19" },
        { Seed1, "m/0H/1/2h", "cbce0d719ecf7431d88e6a89fa1483e02e35092af60c042b1df2ff59fa424dca", "04466b9cc8e161e966409ca52986c584f07e9dc81f735db683c3ff6ec7b1503f" },
        { Seed1, "m/0'/1/2'/2", "0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4", "cfb71883f01676f587d023cc53a35bc7f88f724b1f8c2892ac1275ac822a3edd" },
        { Seed1, "m/0'/1/2'/2/1000000000", "471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8", "c783e67b921d2beb8f6b389cc646d7263b4145701dadd2161548a8b078e65e9e" },
        // Vector 3: the master key has a leading zero byte that must be kept.
        { Seed3, "m", "00ddb80b067e0d4993197fe10f2657a844a384589847602d56f0c629c81aae32", "01d28a3e53cffa419ec122c968b3259e16b65076495494d97cae10bbfec3c36f" },
        { Seed3, "m/0'", "491f7a2eebc7b57028e0d3faa0acda02e75c33b03c48fb288c41e2ea44e1daef", "e5fea12a97b927fc9dc3d2cb0d1ea1cf50aa5a1fdc1f933e8906bb38df3377bd" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void DerivesReferenceKeys(string seed, string path, string privateKey, string chainCode)
    {
        var hdPath = HdPath.Parse(path);
        var key = Bip32.DerivePath(Convert.FromHexString(seed), hdPath);
        Assert.Equal(privateKey, Convert.ToHexStringLower(key.PrivateKey));
        Assert.Equal(chainCode, Convert.ToHexStringLower(key.ChainCode));
        Assert.Equal(hdPath.Indices.Count, key.Depth);
        Assert.Equal(hdPath.Indices.Count == 0 ? 0u : hdPath.Indices[^1], key.ChildNumber);
    }

    [Fact]
    public void StepwiseDerivationEqualsPathDerivation()
    {
        var seed = Convert.FromHexString(Seed1);
        var key = Bip32.MasterFromSeed(seed);
        foreach (var index in HdPath.CosmosDefault.Indices)
            key = Bip32.DeriveChild(key, index);
        Assert.Equal(Bip32.DerivePath(seed, HdPath.CosmosDefault).PrivateKey.ToArray(), key.PrivateKey.ToArray());
    }

    [Fact]
    public void SeedLengthIsChecked()
    {
        Assert.Throws<ArgumentException>(() => Bip32.MasterFromSeed(new byte[15]));
        Assert.Throws<ArgumentException>(() => Bip32.MasterFromSeed(new byte[65]));
    }
}
