using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>Cross-checks signatures and addresses with CosmJS 0.39 (tests/js/cosmos/secp256k1.mjs).</summary>
public sealed class Secp256k1CosmJsTests
{
    private const string Script = "cosmos/secp256k1.mjs";
    private const string Prefix = "maci";

    [Fact]
    public async Task CosmJsDirectSignaturesVerifyInCSharpAndMatchCSharpSignatures()
    {
        var keys = Enumerable.Range(0, 12).Select(_ => Secp256k1.GeneratePrivateKey()).ToArray();
        var sign = new JsonArray();
        foreach (var key in keys)
            sign.Add(new JsonObject
            {
                ["privkey"] = Convert.ToHexStringLower(key),
                ["bodyBytes"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Random.Shared.Next(1, 300))),
                ["authInfoBytes"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Random.Shared.Next(1, 120))),
                ["chainId"] = $"maci-{Random.Shared.Next(1, 100)}",
                ["accountNumber"] = Random.Shared.NextInt64(0, long.MaxValue).ToString(),
            });
        var response = await Run(new JsonObject { ["prefix"] = Prefix, ["sign"] = sign });
        var results = response["sign"]!.AsArray();
        Assert.Equal(keys.Length, results.Count);

        var highS = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var r = results[i]!;
            var pub = Hex(r["pubkey"]);
            var hash = SHA256.HashData(Hex(r["signBytes"]));
            Assert.Equal(Hex(r["hash"]), hash);
            Assert.Equal(Secp256k1.PublicKeyFromPrivate(keys[i]), pub);
            Assert.Equal((string)r["address"]!, CosmosAddress.Bech32FromPublicKey(pub, Prefix));

            var walletSig = Hex(r["walletSignature"]);
            Assert.True(Secp256k1.Verify(pub, hash, walletSig));
            Assert.True(Secp256k1.VerifySha256(pub, Hex(r["signBytes"]), walletSig));
            Assert.Equal(walletSig, Secp256k1.SignSha256(keys[i], Hex(r["signBytes"])));
            Assert.Equal(walletSig, Hex(r["rawSignature"]));
            // Both sides implement RFC 6979 + low-s, so the signatures are byte-identical.
            Assert.Equal(walletSig, Secp256k1.Sign(keys[i], hash));

            var high = Secp256k1Tests.WithS(walletSig, Secp256k1Tests.N - Secp256k1Tests.ReadS(walletSig));
            Assert.False(Secp256k1.Verify(pub, hash, high));
            highS++;
        }
        Assert.Equal(keys.Length, highS);
    }

    [Fact]
    public async Task CSharpSignaturesVerifyInCosmJs()
    {
        var verify = new JsonArray();
        var expected = new List<bool>();
        for (var i = 0; i < 10; i++)
        {
            var key = Secp256k1.GeneratePrivateKey();
            var pub = Secp256k1.PublicKeyFromPrivate(key);
            var hash = SHA256.HashData(RandomNumberGenerator.GetBytes(64));
            var sig = Secp256k1.Sign(key, hash);
            Add(pub, hash, sig, true);
            // CosmJS's verifySignature does not enforce low-s: the high-s twin is a mathematically valid
            // signature there, which shows the C# rejection above is the Cosmos low-s rule and nothing else.
            Add(pub, hash, Secp256k1Tests.WithS(sig, Secp256k1Tests.N - Secp256k1Tests.ReadS(sig)), true);
            var tampered = (byte[])hash.Clone();
            tampered[0] ^= 0x80;
            Add(pub, tampered, sig, false);
        }
        var response = await Run(new JsonObject { ["prefix"] = Prefix, ["verify"] = verify });
        var got = response["verify"]!.AsArray().Select(v => (bool)v!).ToList();
        Assert.Equal(expected, got);

        void Add(byte[] pub, byte[] hash, byte[] sig, bool ok)
        {
            verify.Add(new JsonObject
            {
                ["pubkey"] = Convert.ToHexStringLower(pub),
                ["hash"] = Convert.ToHexStringLower(hash),
                ["signature"] = Convert.ToHexStringLower(sig),
            });
            expected.Add(ok);
        }
    }

    [Fact]
    public async Task AddressesAgreeWithCosmJsPubkeyToAddress()
    {
        var pubs = Enumerable.Range(0, 10).Select(_ => Secp256k1.PublicKeyFromPrivate(Secp256k1.GeneratePrivateKey())).ToArray();
        foreach (var prefix in new[] { "maci", "cosmos", "dora" })
        {
            var response = await Run(new JsonObject
            {
                ["prefix"] = prefix,
                ["addresses"] = new JsonArray(pubs.Select(p => (JsonNode)Convert.ToHexStringLower(p)).ToArray()),
            });
            var addresses = response["addresses"]!.AsArray().Select(a => (string)a!).ToArray();
            Assert.Equal(pubs.Select(p => CosmosAddress.Bech32FromPublicKey(p, prefix)), addresses);
            foreach (var (a, p) in addresses.Zip(pubs))
                Assert.Equal(CosmosAddress.FromPublicKey(p), CosmosAddress.Parse(a, prefix));
        }
    }

    private static byte[] Hex(JsonNode? node) => Convert.FromHexString((string)node!);

    private static async Task<JsonNode> Run(JsonObject request)
    {
        var stdout = await NodeJs.RunCheckedAsync(Script, stdin: request.ToJsonString());
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException("empty output from " + Script);
    }
}
