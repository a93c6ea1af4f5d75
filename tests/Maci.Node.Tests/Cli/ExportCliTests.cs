using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;
using Maci.Node.Config;
using Maci.Node.Tests.Host;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Google.Protobuf;

namespace Maci.Node.Tests.Cli;

/// <summary><c>macid export</c> on a stopped node, and a new home that starts from the exported genesis.</summary>
public sealed class ExportCliTests
{
    [Fact]
    public async Task A_new_home_starts_from_the_export_at_the_next_height_with_the_same_balances()
    {
        var source = TestNode.NewHome();
        var target = TestNode.NewHome();
        try
        {
            long height;
            string balance0, balance1;
            var key0 = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
            await using (var node = await TestNode.StartAsync(source))
            {
                var (code, hash, log) = await node.BroadcastAsync(TestNode.SendTx(key0, 0, 0, TestNode.Address1, 777));
                Assert.True(code == 0, log);
                Assert.NotNull(await node.WaitForTxAsync(hash));

                // While the node holds its stores, export refuses with a clear message.
                var (busyCode, _, busyErr) = await CliRunner.RunAsync("export", "--home", source);
                Assert.NotEqual(0, busyCode);
                Assert.Contains("is locked: is `macid start` running on this home? Stop the node before exporting", busyErr);

                await node.StopAsync();
                height = node.Host.App.LastCommitted.Height;
                balance0 = await BalanceAsync(node, TestNode.Address0);
                balance1 = await BalanceAsync(node, TestNode.Address1);
            }

            var file = Path.Combine(source, "exported.json");
            var (exitCode, output, err) = await CliRunner.RunAsync("export", "--home", source, "--output", file);
            Assert.True(exitCode == 0, err);
            Assert.Contains($"Exported height {height} of chain {TestNode.ChainId}", output);
            var doc = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var original = JsonNode.Parse(File.ReadAllText(new NodeHome(source).GenesisFile))!.AsObject();
            Assert.Equal((height + 1).ToString(), (string?)doc["initial_height"]);
            Assert.Equal("", (string?)doc["app_hash"]);
            Assert.Equal(TestNode.ChainId, (string?)doc["chain_id"]);
            foreach (var field in new[] { "genesis_time", "consensus_params", "validators" })
                Assert.True(JsonNode.DeepEquals(original[field], doc[field]), field);
            Assert.Equal(["auth", "bank", "insurance", "rounds"], doc["app_state"]!.AsObject().Select(p => p.Key));

            // Exporting the same stopped home twice writes the same document.
            var (_, stdout, _) = await CliRunner.RunAsync("export", "--home", source);
            Assert.True(JsonNode.DeepEquals(doc, JsonNode.Parse(stdout)));

            // The validator carries on with the exported genesis in a new home.
            var home = new NodeHome(target);
            File.Copy(new NodeHome(source).ValidatorKeyFile, home.ValidatorKeyFile, overwrite: true);
            File.Copy(file, home.GenesisFile, overwrite: true);
            await using var next = await TestNode.StartAsync(target);
            Assert.Equal(height + 1, next.Host.Backend.Blocks.Base);
            Assert.Null(next.Host.Backend.Blocks.LoadBlock(height));
            var block = await next.RpcAsync("block", new JsonObject { ["height"] = (height + 1).ToString() });
            Assert.Equal((height + 1).ToString(), (string?)block["block"]!["header"]!["height"]);
            Assert.Equal(balance0, await BalanceAsync(next, TestNode.Address0));
            Assert.Equal(balance1, await BalanceAsync(next, TestNode.Address1));
            // Account sequences survived: the sender's next tx uses sequence 1.
            var (sent, hash2, log2) = await next.BroadcastAsync(TestNode.SendTx(key0, 0, 1, TestNode.Address1, 5));
            Assert.True(sent == 0, log2);
            Assert.NotNull(await next.WaitForTxAsync(hash2));
        }
        finally
        {
            TestNode.DeleteHome(source);
            TestNode.DeleteHome(target);
        }
    }

    [Fact]
    public async Task A_home_that_never_ran_has_nothing_to_export()
    {
        var home = TestNode.NewHome();
        try
        {
            var (code, _, err) = await CliRunner.RunAsync("export", "--home", home);
            Assert.NotEqual(0, code);
            Assert.Contains("has no application state yet", err);
            var (missing, _, err2) = await CliRunner.RunAsync("export", "--home", home + "-absent");
            Assert.NotEqual(0, missing);
            Assert.Contains("is not initialised", err2);
        }
        finally
        {
            TestNode.DeleteHome(home);
        }
    }

    private static async Task<string> BalanceAsync(TestNode node, string address)
    {
        var r = await node.Host.App.QueryAsync(new RequestQuery
        {
            Path = "/cosmos.bank.v1beta1.Query/Balance",
            Data = new QueryBalanceRequest { Address = address, Denom = "umaci" }.ToByteString(),
        }, default);
        Assert.Equal(0u, r.Code);
        return QueryBalanceResponse.Parser.ParseFrom(r.Value).Balance.Amount;
    }
}
