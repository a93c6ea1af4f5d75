using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;

namespace Maci.Abci.Tests.App;

public sealed class GenesisTests
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");

    private static MaciApp NewApp() => new(AppConfig.Devnet(), CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false }));

    private static JsonObject Valid() => JsonNode.Parse(AppHarness.GenesisJson([Alice, Bob]))!.AsObject();

    private static string? Error(JsonObject appState)
    {
        using var app = NewApp();
        return app.ValidateGenesis(appState.ToJsonString())?.Log;
    }

    [Fact]
    public void A_valid_genesis_passes_and_empty_app_state_uses_defaults()
    {
        Assert.Null(Error(Valid()));
        Assert.Null(Error(new JsonObject()));
    }

    [Fact]
    public void Duplicate_accounts_are_rejected()
    {
        var g = Valid();
        g["auth"]!["accounts"]!.AsArray().Add(g["auth"]!["accounts"]![0]!.DeepClone());
        Assert.Contains("duplicate account found in genesis state", Error(g));
    }

    [Fact]
    public void Duplicate_account_numbers_are_rejected()
    {
        var g = Valid();
        g["auth"]!["accounts"]![1]!["account_number"] = "0";
        Assert.Contains("duplicate account number 0", Error(g));
    }

    [Fact]
    public void Bad_addresses_are_rejected()
    {
        var g = Valid();
        g["bank"]!["balances"]![0]!["address"] = "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a";
        Assert.Contains("invalid Bech32 prefix; expected maci, got cosmos", Error(g));
    }

    [Fact]
    public void Supply_must_equal_the_sum_of_balances()
    {
        var g = Valid();
        g["bank"]!["supply"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = "5" });
        Assert.Contains("genesis supply is incorrect", Error(g));
    }

    [Fact]
    public void Unsorted_or_zero_coins_are_rejected()
    {
        var g = Valid();
        g["bank"]!["balances"]![0]!["coins"] = new JsonArray(
            new JsonObject { ["denom"] = "zzz", ["amount"] = "1" }, new JsonObject { ["denom"] = "aaa", ["amount"] = "1" });
        Assert.Contains("not sorted", Error(g));
        g["bank"]!["balances"]![0]!["coins"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = "0" });
        Assert.Contains("not positive", Error(g));
    }

    [Fact]
    public void Unknown_sections_fields_and_bad_json_are_rejected()
    {
        var g = Valid();
        g["staking"] = new JsonObject();
        Assert.Contains("unknown module 'staking'", Error(g));
        g = Valid();
        g["auth"]!["params"]!["no_such_param"] = "1";
        Assert.Contains("auth genesis", Error(g));
        using var app = NewApp();
        Assert.Equal(17u, app.ValidateGenesis("{not json").Value);
        Assert.Contains("tx_sig_limit must be positive", Error(WithParam("tx_sig_limit", "0")));

        static JsonObject WithParam(string name, string value)
        {
            var v = Valid();
            v["auth"]!["params"]![name] = value;
            return v;
        }
    }

    [Fact]
    public void Init_chain_refuses_a_wrong_chain_id_and_an_invalid_genesis()
    {
        using var app = NewApp();
        var wrong = Assert.Throws<InvalidOperationException>(() => app.InitChainAsync(new RequestInitChain { ChainId = "other" }, default));
        Assert.Contains("invalid chain-id", wrong.Message);
        var g = Valid();
        g["bank"]!["supply"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = "5" });
        var bad = Assert.Throws<InvalidOperationException>(() => app.InitChainAsync(
            new RequestInitChain { ChainId = "maci-devnet-1", AppStateBytes = ByteString.CopyFromUtf8(g.ToJsonString()) }, default));
        Assert.Contains("invalid genesis", bad.Message);
    }

    [Fact]
    public void Info_reports_height_zero_until_the_first_commit()
    {
        using var h = new AppHarness([Alice, Bob], commitGenesis: false);
        var info = h.App.InfoAsync(new RequestInfo(), default).AsTask().Result;
        Assert.Equal(0, info.LastBlockHeight);
        Assert.True(info.LastBlockAppHash.IsEmpty);
        Assert.Equal(32, h.GenesisAppHash.Length);
    }

    [Fact]
    public void Export_then_import_reproduces_the_state_and_its_app_hash()
    {
        using var h = new AppHarness([Alice, Bob]);
        h.Block(new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, TestAccount.FromSeed("carol").Bech32, 42)] }.Bytes());
        var exported = h.App.ExportGenesis();
        // alice, bob, the fee_collector, insurance and rounds module accounts, carol
        Assert.Equal(6, exported["auth"]!["accounts"]!.AsArray().Count);

        using var store = CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false });
        using var again = new MaciApp(AppConfig.Devnet(), store);
        var init = again.InitChainAsync(new RequestInitChain
        {
            ChainId = "maci-devnet-1",
            InitialHeight = 3,
            AppStateBytes = ByteString.CopyFromUtf8(exported.ToJsonString()),
        }, default).AsTask().Result;
        Assert.Equal(h.App.LastCommitted.AppHash, init.AppHash.ToByteArray());
        var fin = new RequestFinalizeBlock { Height = 3, Time = Timestamp.FromDateTimeOffset(AppHarness.GenesisTime) };
        again.FinalizeBlockAsync(fin, default).AsTask().Wait();
        again.CommitAsync(new RequestCommit(), default).AsTask().Wait();
        Assert.True(JsonNode.DeepEquals(exported, again.ExportGenesis()));
    }
}
