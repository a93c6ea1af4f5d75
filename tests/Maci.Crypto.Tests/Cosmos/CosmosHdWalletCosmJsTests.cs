using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>Mnemonic → address must equal CosmJS DirectSecp256k1HdWallet.fromMnemonic (tests/js/cosmos/hdwallet.mjs).</summary>
public sealed class CosmosHdWalletCosmJsTests
{
    private const string Script = "cosmos/hdwallet.mjs";

    [Fact]
    public async Task AddressesMatchCosmJsForVectorAndRandomMnemonics()
    {
        var fromJs = (await Run(new JsonObject { ["random"] = 3 }))["random"]!.AsArray().Select(m => (string)m!);
        var mnemonics = Bip39Tests.EntropyVectors.Select(row => (string)row[1])
            .Concat([Bip39.GenerateMnemonic(), Bip39.GenerateMnemonic(128)])
            .Concat(fromJs)
            .ToArray();
        var cases = new List<(string Mnemonic, string Prefix, string Password, string? Path)>();
        foreach (var (m, i) in mnemonics.Select((m, i) => (m, i)))
        {
            cases.Add((m, "cosmos", "", null));
            if (i % 3 == 0) cases.Add((m, "maci", "TREZOR", null));
            if (i % 4 == 1) cases.Add((m, "dora", "", "m/44'/118'/2'/0/5"));
            if (i % 5 == 2) cases.Add((m, "maci", "", "m/44'/60'/0'/0/0"));
        }
        var request = new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["mnemonic"] = c.Mnemonic,
            ["prefix"] = c.Prefix,
            ["bip39Password"] = c.Password,
            ["hdPath"] = c.Path,
        }).ToArray());
        var wallets = (await Run(new JsonObject { ["wallets"] = request }))["wallets"]!.AsArray();
        Assert.Equal(cases.Count, wallets.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var key = CosmosHdWallet.FromMnemonic(c.Mnemonic, c.Password, c.Path is null ? null : HdPath.Parse(c.Path));
            Assert.Equal((string)wallets[i]!["pubkey"]!, Convert.ToHexStringLower(key.PublicKey));
            Assert.Equal((string)wallets[i]!["address"]!, key.Bech32Address(c.Prefix));
        }
    }

    [Fact]
    public async Task SeedsEntropyEncodingAndDerivationMatchCosmJs()
    {
        var mnemonics = new[] { Bip39.GenerateMnemonic(), Bip39.GenerateMnemonic(160), Bip39Tests.AbandonAbout };
        var entropies = new[] { 16, 20, 24, 28, 32 }.Select(RandomNumberGenerator.GetBytes).ToArray();
        var seed = RandomNumberGenerator.GetBytes(64);
        var paths = new[] { "m", "m/0", "m/44'/118'/0'/0/0", "m/2147483647'/1/0'/2147483647" };
        var response = await Run(new JsonObject
        {
            ["seeds"] = new JsonArray(mnemonics.Select(m => (JsonNode)new JsonObject { ["mnemonic"] = m, ["bip39Password"] = "x y" }).ToArray()),
            ["entropies"] = new JsonArray(entropies.Select(e => (JsonNode)Convert.ToHexStringLower(e)).ToArray()),
            ["slip10"] = new JsonArray(paths.Select(p => (JsonNode)new JsonObject { ["seed"] = Convert.ToHexStringLower(seed), ["path"] = p }).ToArray()),
        });
        Assert.Equal(mnemonics.Select(m => Convert.ToHexStringLower(Bip39.MnemonicToSeed(m, "x y"))),
            response["seeds"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(entropies.Select(e => Bip39.EntropyToMnemonic(e)), response["entropies"]!.AsArray().Select(s => (string)s!));
        var slip = response["slip10"]!.AsArray();
        for (var i = 0; i < paths.Length; i++)
        {
            var key = Bip32.DerivePath(seed, HdPath.Parse(paths[i]));
            Assert.Equal((string)slip[i]!["privkey"]!, Convert.ToHexStringLower(key.PrivateKey));
            Assert.Equal((string)slip[i]!["chainCode"]!, Convert.ToHexStringLower(key.ChainCode));
        }
    }

    private static async Task<JsonNode> Run(JsonObject request) =>
        JsonNode.Parse(await NodeJs.RunCheckedAsync(Script, stdin: request.ToJsonString()))
        ?? throw new InvalidOperationException("empty output from " + Script);
}
