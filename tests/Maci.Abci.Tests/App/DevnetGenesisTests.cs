using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using Maci.TestSupport;

namespace Maci.Abci.Tests.App;

public sealed class DevnetGenesisTests
{
    private static readonly string[] Mnemonics =
    [
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "legal winner thank year wave sausage worth useful legal winner thank yellow",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    ];

    private static JsonObject Load() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "devnet.json")))!.AsObject();

    [Fact]
    public void Devnet_genesis_names_the_documented_chain_and_accounts()
    {
        var g = Load();
        Assert.Equal("maci-devnet-1", (string?)g["chain_id"]);
        var accounts = g["app_state"]!["auth"]!["accounts"]!.AsArray();
        for (var i = 0; i < Mnemonics.Length; i++)
        {
            var key = TestAccount.FromMnemonic(Mnemonics[i]);
            Assert.Equal(key.Bech32, (string?)accounts[i]!["address"]);
            Assert.Equal(i.ToString(), (string?)accounts[i]!["account_number"]);
        }
    }

    [Fact]
    public void Devnet_rounds_section_is_the_rounds_vkeys_fragment_with_the_fee_recipient()
    {
        var rounds = Load()["app_state"]!["rounds"]!.DeepClone();
        Assert.Equal("maci1am058pdux3hyulcmfgj4m3hhrlfn8nzm20tsfc", (string?)rounds["params"]!["fee_recipient"]);
        rounds["params"]!["fee_recipient"] = "";
        var fragment = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "genesis", "rounds-vkeys.json")))!;
        Assert.True(JsonNode.DeepEquals(fragment, rounds), "genesis/devnet.json's rounds section differs from genesis/rounds-vkeys.json");
        var kinds = rounds["params"]!["circuits"]!.AsArray().Select(c => (string?)c!["kind"]).ToList();
        Assert.Equal(2, kinds.Count(k => k == "ROUND_KIND_AMACI"));
        Assert.Equal(3, kinds.Count(k => k == "ROUND_KIND_MACI"));
        Assert.False((bool)rounds["params"]!["allow_gamma_equal_delta"]!);
    }

    [Fact]
    public void Devnet_genesis_imports_and_its_keys_can_transact()
    {
        var g = Load();
        var appState = g["app_state"]!.ToJsonString();
        using var h = new AppHarness([], AppConfig.Devnet(), appState);
        Assert.Null(h.App.ValidateGenesis(appState));
        var keys = Mnemonics.Select(TestAccount.FromMnemonic).ToArray();
        foreach (var k in keys) Assert.Equal(1_000_000_000_000ul, h.Balance(k.Bech32));
        var tx = new SignedTx { Signer = keys[2], AccountNumber = 2, Messages = [SignedTx.Send(keys[2], keys[3].Bech32, 1_000_000)] };
        Assert.Equal(0u, h.Block(tx.Bytes()).TxResults[0].Code);
        Assert.Equal(1_000_001_000_000ul, h.Balance(keys[3].Bech32));
        Assert.Null(h.App.CheckInvariants());
    }
}
