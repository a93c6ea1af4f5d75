using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;

namespace Maci.Node.Tests.Host;

/// <summary>The RPC list against a running node: CometBFT v0.38 shapes with the application's real events.</summary>
public partial class NodeHostTests
{
    [Fact]
    public async Task Every_listed_endpoint_answers_in_cometbft_shape_on_a_running_node()
    {
        await using var node = await TestNode.StartAsync();
        var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        Assert.Equal("{}", (await node.RpcAsync("health")).ToJsonString());
        var info = (await node.RpcAsync("abci_info"))["response"]!;
        Assert.Equal("maci-chain", (string?)info["data"]);
        Assert.IsType<string>((string?)info["last_block_height"]);

        // broadcast_tx_commit: check_tx and tx_result objects, hex hash, string height, the app's message events.
        var commit = await node.RpcAsync("broadcast_tx_commit", new JsonObject { ["tx"] = Convert.ToBase64String(TestNode.SendTx(key, 0, 0, TestNode.Address1, 11)) });
        Assert.Null(commit["check_tx"]!["code"]);
        Assert.Null(commit["tx_result"]!["code"]);
        var hash = (string)commit["hash"]!;
        Assert.Matches("^[0-9A-F]{64}$", hash);
        var height = long.Parse((string)commit["height"]!);
        Assert.IsType<string>((string?)commit["tx_result"]!["gas_used"]);
        Assert.Contains(((JsonArray)commit["tx_result"]!["events"]!).Select(e => e!), e => (string?)e["type"] == "message" &&
            ((JsonArray)e["attributes"]!).Any(a => (string?)a!["key"] == "sender" && (string?)a["value"] == TestNode.Address0));

        // tx and tx_search, by hash and by an application event.
        var tx = await node.RpcAsync("tx", new JsonObject { ["hash"] = Convert.ToBase64String(Convert.FromHexString(hash)) });
        Assert.Equal(hash, (string?)tx["hash"]);
        Assert.Equal(height.ToString(), (string?)tx["height"]);
        Assert.Equal(0, (int)tx["index"]!);
        Assert.Null(tx["proof"]);
        var bySender = await node.RpcAsync("tx_search", new JsonObject { ["query"] = $"message.sender='{TestNode.Address0}'" });
        Assert.Equal("1", (string?)bySender["total_count"]);
        Assert.Equal(hash, (string?)bySender["txs"]![0]!["hash"]);
        Assert.Equal("0", (string?)(await node.RpcAsync("tx_search", new JsonObject { ["query"] = $"message.sender='{TestNode.Address1}'" }))["total_count"]);

        // Blocks around the tx.
        var block = await node.RpcAsync("block", new JsonObject { ["height"] = height.ToString() });
        var blockHash = (string)block["block_id"]!["hash"]!;
        Assert.Equal(Convert.ToBase64String(TestNode.SendTx(key, 0, 0, TestNode.Address1, 11)), (string?)block["block"]!["data"]!["txs"]![0]);
        var byHash = await node.RpcAsync("block_by_hash", new JsonObject { ["hash"] = Convert.ToBase64String(Convert.FromHexString(blockHash)) });
        Assert.Equal(height.ToString(), (string?)byHash["block"]!["header"]!["height"]);
        var results = await node.RpcAsync("block_results", new JsonObject { ["height"] = height.ToString() });
        Assert.Equal(height.ToString(), (string?)results["height"]);
        Assert.Single((JsonArray)results["txs_results"]!);
        Assert.Null(results["validator_updates"]);
        Assert.Equal(Convert.ToBase64String(node.Host.Backend.Blocks.LoadResults(height)!.AppHash), (string?)results["app_hash"]);
        var chain = await node.RpcAsync("blockchain", new JsonObject { ["minHeight"] = "1", ["maxHeight"] = height.ToString() });
        Assert.Equal(height.ToString(), (string?)chain["block_metas"]![0]!["header"]!["height"]);
        Assert.Equal("1", (string?)chain["block_metas"]![0]!["num_txs"]);
        Assert.IsType<string>((string?)chain["last_height"]);
        var signed = await node.RpcAsync("commit", new JsonObject { ["height"] = (height - 1).ToString() });
        Assert.True((bool)signed["canonical"]!);
        Assert.Equal((height - 1).ToString(), (string?)signed["signed_header"]!["commit"]!["height"]);
        var validators = await node.RpcAsync("validators");
        Assert.Equal(("1", "1"), ((string?)validators["count"], (string?)validators["total"]));
        Assert.Equal("10", (string?)validators["validators"]![0]!["voting_power"]);
        Assert.Equal(TestNode.ChainId, (string?)(await node.RpcAsync("genesis"))["genesis"]!["chain_id"]);

        // Mempool views, then a websocket Tx subscription on an application event and unsubscribe.
        var pending = await node.RpcAsync("num_unconfirmed_txs");
        Assert.IsType<string>((string?)pending["n_txs"]);
        Assert.IsType<string>((string?)pending["total_bytes"]);
        Assert.Null(pending["txs"]);
        Assert.IsType<JsonArray>((await node.RpcAsync("unconfirmed_txs", new JsonObject { ["limit"] = "5" }))["txs"]);

        using var ws = await node.WebSocketAsync(cts.Token);
        var query = $"tm.event='Tx' AND message.sender='{TestNode.Address0}'";
        await TestNode.SendJsonAsync(ws, new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "s", ["method"] = "subscribe", ["params"] = new JsonObject { ["query"] = query },
        }.ToJsonString(), cts.Token);
        Assert.Equal("{}", (await TestNode.ReceiveJsonAsync(ws, cts.Token))["result"]!.ToJsonString());
        var async = await node.RpcAsync("broadcast_tx_async", new JsonObject { ["tx"] = Convert.ToBase64String(TestNode.SendTx(key, 0, 1, TestNode.Address1, 12)) });
        Assert.Equal(0, (int)async["code"]!);
        Assert.Equal("", (string?)async["data"]);
        var evt = await TestNode.ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal("s", (string?)evt["id"]);
        Assert.Equal(query, (string?)evt["result"]!["query"]);
        Assert.Equal((string?)async["hash"], (string?)evt["result"]!["events"]!["tx.hash"]![0]);
        Assert.Contains(TestNode.Address0, ((JsonArray)evt["result"]!["events"]!["message.sender"]!).Select(v => (string?)v));
        Assert.Null(evt["result"]!["data"]!["value"]!["TxResult"]!["index"]); // index 0 is omitted, as CometBFT's omitempty does
        await TestNode.SendJsonAsync(ws, new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = "u", ["method"] = "unsubscribe", ["params"] = new JsonObject { ["query"] = query },
        }.ToJsonString(), cts.Token);
        var ack = await TestNode.ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal(("u", "{}"), ((string?)ack["id"], ack["result"]!.ToJsonString()));
        Assert.Equal(0, node.Host.Backend.Events.SubscriptionCount);
    }
}
