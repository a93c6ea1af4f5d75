using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.Cosmos;
using Maci.Node.Config;
using Maci.Node.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Node.Tests.Host;

public partial class NodeHostTests
{
    [Fact]
    public async Task Start_produces_block_1_before_serving_and_keeps_producing()
    {
        await using var node = await TestNode.StartAsync();
        var status = await node.RpcAsync("status");
        Assert.Equal(TestNode.ChainId, (string?)status["node_info"]!["network"]);
        var h1 = long.Parse((string)status["sync_info"]!["latest_block_height"]!);
        Assert.True(h1 >= 1);
        Assert.NotEqual("", (string?)status["sync_info"]!["latest_app_hash"]);
        await Task.Delay(700);
        var h2 = long.Parse((string)(await node.RpcAsync("status"))["sync_info"]!["latest_block_height"]!);
        Assert.True(h2 > h1, $"height did not advance: {h1} → {h2}");
    }

    [Fact]
    public async Task A_signed_send_is_included_and_changes_balances()
    {
        await using var node = await TestNode.StartAsync();
        var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
        var (code, hash, log) = await node.BroadcastAsync(TestNode.SendTx(key, 0, 0, TestNode.Address1, 777));
        Assert.True(code == 0, log);
        var tx = await node.WaitForTxAsync(hash);
        Assert.NotNull(tx);
        Assert.Equal(0u, (uint?)tx!["tx_result"]!["code"] ?? 0);
        var balance = await node.RpcAsync("abci_query", new JsonObject
        {
            ["path"] = "/cosmos.bank.v1beta1.Query/Balance",
            ["data"] = Convert.ToHexString(new Maci.Proto.Cosmos.Bank.V1Beta1.QueryBalanceRequest { Address = TestNode.Address1, Denom = "umaci" }
                .ToByteArray()),
        });
        var value = Convert.FromBase64String((string)balance["response"]!["value"]!);
        Assert.Equal("1000000000777", Maci.Proto.Cosmos.Bank.V1Beta1.QueryBalanceResponse.Parser.ParseFrom(value).Balance.Amount);
        Assert.Null(node.Host.App.CheckInvariants());
    }

    [Fact]
    public async Task Restart_on_the_same_home_continues_the_chain_and_finds_old_txs()
    {
        var home = TestNode.NewHome();
        string hash;
        long heightBefore;
        string appHashBefore;
        await using (var node = await TestNode.StartAsync(home))
        {
            var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
            var (code, h, log) = await node.BroadcastAsync(TestNode.SendTx(key, 0, 0, TestNode.Address1, 5));
            Assert.True(code == 0, log);
            hash = h;
            Assert.NotNull(await node.WaitForTxAsync(hash));
            await node.StopAsync();
            heightBefore = node.Host.Backend.Blocks.Height;
            appHashBefore = Convert.ToHexString(node.Host.Backend.Blocks.LoadResults(heightBefore)!.AppHash);
        }
        await using var again = await TestNode.StartAsync(home);
        var status = await again.RpcAsync("status");
        Assert.Equal(TestNode.ChainId, (string?)status["node_info"]!["network"]);
        for (var i = 0; i < 50 && again.Host.Backend.LatestHeight <= heightBefore; i++) await Task.Delay(100);
        var block = await again.RpcAsync("block", new JsonObject { ["height"] = (heightBefore + 1).ToString() });
        Assert.Equal(appHashBefore, (string?)block["block"]!["header"]!["app_hash"]);
        Assert.NotNull(await again.WaitForTxAsync(hash, TimeSpan.FromSeconds(2)));
        // The sender's sequence survived the restart: sequence 1 is accepted, sequence 0 is refused.
        var key0 = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
        Assert.Equal(32u, (await again.BroadcastAsync(TestNode.SendTx(key0, 0, 0, TestNode.Address1, 6))).Code);
        var (ok, hash2, log2) = await again.BroadcastAsync(TestNode.SendTx(key0, 0, 1, TestNode.Address1, 6));
        Assert.True(ok == 0, log2);
        Assert.NotNull(await again.WaitForTxAsync(hash2));
        await again.DisposeAsync();
        TestNode.DeleteHome(home);
    }

    [Fact]
    public async Task Start_without_init_fails_with_a_clear_message()
    {
        var home = Path.Combine(Path.GetTempPath(), "macid-empty-" + Guid.NewGuid().ToString("N")[..8]);
        var e = await Assert.ThrowsAsync<NodeConfigException>(() =>
            NodeHost.StartAsync(new NodeHostOptions { Home = home }, NullLoggerFactory.Instance));
        Assert.Contains("macid init", e.Message);
    }

    [Fact]
    public async Task Metrics_endpoint_serves_prometheus_text_with_height_txs_and_rpc_latency()
    {
        await using var node = await TestNode.StartAsync(metrics: true, grpc: true);
        await node.RpcAsync("status");
        await node.RpcAsync("status");
        await node.RpcAsync("tx_search", new JsonObject { ["query"] = "tx.height > 0" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.RpcAsync("tx_search", new JsonObject { ["query"] = "tx.height >" }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.RpcAsync("no_such_method"));
        using (var http0 = new HttpClient())
            Assert.Contains("\"result\"", await http0.GetStringAsync(node.RpcUrl + "/abci_info"));
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        using (var ws = await node.WebSocketAsync(cts.Token))
        {
            await TestNode.SendJsonAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event='NewBlock'\"}}", cts.Token);
            await TestNode.ReceiveJsonAsync(ws, cts.Token);
            await TestNode.SendJsonAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"health\"}", cts.Token);
            while ((int?)(await TestNode.ReceiveJsonAsync(ws, cts.Token))["id"] != 2) { }
        }
        var (grpcStatus, _) = await node.GrpcUnaryAsync("cosmos.bank.v1beta1.Query/Balance",
            new Maci.Proto.Cosmos.Bank.V1Beta1.QueryBalanceRequest { Address = TestNode.Address0, Denom = "umaci" });
        Assert.Equal("0", grpcStatus);
        while (node.Host.Backend.Blocks.Height < 3) await Task.Delay(50);

        using var http = new HttpClient();
        var text = await http.GetStringAsync(node.Host.MetricsAddress);
        var lines = text.Split('\n');
        var height = lines.Single(l => l.StartsWith("maci_height ", StringComparison.Ordinal));
        Assert.True(long.Parse(height["maci_height ".Length..]) >= 2);
        Assert.Contains("# TYPE maci_txs_total counter", text);
        Assert.Contains("# TYPE maci_block_production_seconds histogram", text);
        Assert.Contains("# TYPE maci_block_interval_seconds histogram", text);
        Assert.Contains("maci_mempool_size 0", text);
        Assert.Contains("# TYPE maci_rpc_request_seconds histogram", text);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"status\",outcome=\"ok\"} 2", lines);
        Assert.Contains("maci_rpc_request_seconds_bucket{method=\"status\",outcome=\"ok\",le=\"+Inf\"} 2", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"tx_search\",outcome=\"ok\"} 1", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"tx_search\",outcome=\"error\"} 1", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"unknown\",outcome=\"error\"} 1", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"abci_info\",outcome=\"ok\"} 1", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"subscribe\",outcome=\"ok\"} 1", lines);
        Assert.Contains("maci_rpc_request_seconds_count{method=\"health\",outcome=\"ok\"} 1", lines);
        Assert.Contains("# TYPE maci_grpc_request_seconds histogram", text);
        Assert.Contains("maci_grpc_request_seconds_count{code=\"OK\",method=\"cosmos.bank.v1beta1.Query/Balance\"} 1", lines);
    }
}
