using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;
using Maci.Node.Producer;

namespace Maci.Node.Tests.Host;

/// <summary>What a client sees while a height executes: a tx becomes visible only once its state is committed.</summary>
public partial class NodeHostTests
{
    [Fact]
    public async Task A_tx_found_through_tx_search_or_a_Tx_event_has_its_effect_queryable()
    {
        var paused = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Hold the first height with txs after it is stored and before the application commits it.
        await using var node = await TestNode.StartAsync(stages: async (stage, block) =>
        {
            if (stage == ProducerStage.BlockSaved && block.Txs.Count > 0 && paused.TrySetResult(block.Header.Height))
                await release.Task;
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var ws = await node.WebSocketAsync(cts.Token);
        await TestNode.SendJsonAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":\"txs\",\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event='Tx'\"}}", cts.Token);
        Assert.Equal("txs", (string?)(await TestNode.ReceiveJsonAsync(ws, cts.Token))["id"]);

        var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
        var before = await node.BalanceAsync(TestNode.Address1);
        var (code, hash, log) = await node.BroadcastAsync(TestNode.SendTx(key, 0, 0, TestNode.Address1, 777));
        Assert.True(code == 0, log);
        var height = await paused.Task.WaitAsync(cts.Token);

        // Stored but not committed: no client can see the tx or its height yet, and the state is unchanged.
        Assert.Equal(height, node.Host.Backend.Blocks.Height);
        Assert.Equal(0, await node.TxSearchCountAsync(hash));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => node.RpcAsync("tx", new JsonObject { ["hash"] = Convert.ToBase64String(Convert.FromHexString(hash)) }));
        Assert.Contains("not found", missing.Message);
        Assert.Equal(height - 1, await node.StatusHeightAsync());
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.RpcAsync("block", new JsonObject { ["height"] = height.ToString() }));
        Assert.Equal(before, await node.BalanceAsync(TestNode.Address1));

        release.SetResult();
        // The first message after the release is the tx's event; the state it reports is already committed and indexed.
        var evt = await TestNode.ReceiveJsonAsync(ws, cts.Token);
        var txResult = evt["result"]!["data"]!["value"]!["TxResult"]!;
        Assert.Equal(height.ToString(), (string?)txResult["height"]);
        Assert.Equal(before + 777, await node.BalanceAsync(TestNode.Address1));
        Assert.Equal(1, await node.TxSearchCountAsync(hash));
        Assert.True(await node.StatusHeightAsync() >= height);

        // Without events: the moment tx_search finds a tx, its effect is queryable.
        var (code2, hash2, log2) = await node.BroadcastAsync(TestNode.SendTx(key, 0, 1, TestNode.Address1, 5));
        Assert.True(code2 == 0, log2);
        while (await node.TxSearchCountAsync(hash2) == 0) await Task.Delay(20, cts.Token);
        Assert.Equal(before + 782, await node.BalanceAsync(TestNode.Address1));
    }

    [Theory]
    [InlineData(ProducerStage.Committed)]  // committed, not indexed: restart indexes it
    [InlineData(ProducerStage.BlockSaved)] // stored, not committed: restart replays it, then indexes it
    public async Task A_stop_between_commit_and_indexing_is_indexed_on_restart(ProducerStage crashAt)
    {
        var home = TestNode.NewHome();
        string hash;
        long height;
        long before;
        await using (var node = await TestNode.StartAsync(home, stages: (stage, block) =>
                         stage == crashAt && block.Txs.Count > 0
                             ? throw new IOException($"simulated crash at {stage}")
                             : ValueTask.CompletedTask))
        {
            before = await node.BalanceAsync(TestNode.Address1);
            var key = CosmosHdWallet.FromMnemonic(TestNode.Mnemonic0);
            var (code, h, log) = await node.BroadcastAsync(TestNode.SendTx(key, 0, 0, TestNode.Address1, 42));
            Assert.True(code == 0, log);
            hash = h;
            await node.Host.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.IsType<IOException>(node.Host.Failed);
            height = node.Host.Backend.Blocks.Height;
            Assert.Equal(crashAt == ProducerStage.Committed ? height : height - 1, node.Host.App.LastCommitted.Height);
            Assert.Equal(height - 1, node.Host.Backend.BlockIndex.IndexedHeight);
            Assert.Equal(0, await node.TxSearchCountAsync(hash));
            Assert.Equal(height - 1, await node.StatusHeightAsync());
        }

        await using (var again = await TestNode.StartAsync(home))
        {
            var found = await again.RpcAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hash}'" });
            Assert.Equal(height.ToString(), (string?)found["txs"]![0]!["height"]);
            Assert.Equal(before + 42, await again.BalanceAsync(TestNode.Address1));
            Assert.True(await again.StatusHeightAsync() >= height);
            var blocks = await again.RpcAsync("block_search", new JsonObject { ["query"] = $"block.height = {height}" });
            Assert.Equal("1", (string?)blocks["total_count"]);
        }
        TestNode.DeleteHome(home);
    }
}
