using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Node.Hosting;
using Maci.Proto.Cosmos.Bank.V1Beta1;

namespace Maci.Node.Tests.Host;

/// <summary>Stopping a node while clients are busy with it.</summary>
public partial class NodeHostTests
{
    [Fact]
    public async Task Disposing_with_queries_in_flight_closes_cleanly_and_the_home_reopens()
    {
        var home = TestNode.NewHome();
        await using var node = await TestNode.StartAsync(home, interval: TimeSpan.FromMilliseconds(50), grpc: true); // disposed below too
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var ws = await node.WebSocketAsync(cts.Token);
        await TestNode.SendJsonAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event='NewBlock'\"}}", cts.Token);
        await TestNode.ReceiveJsonAsync(ws, cts.Token);

        var disposing = 0;
        var unexpected = new ConcurrentQueue<Exception>();
        var done = new long[6];
        var backend = node.Host.Backend;
        var balanceRequest = new QueryBalanceRequest { Address = TestNode.Address0, Denom = "umaci" };
        Func<Task>[] calls =
        [
            () => node.BalanceAsync(TestNode.Address0),
            () => node.RpcAsync("tx_search", new JsonObject { ["query"] = "tx.height > 0", ["per_page"] = 5 }),
            async () => Assert.Equal("0", (await node.GrpcUnaryAsync("cosmos.bank.v1beta1.Query/Balance", balanceRequest)).Status),
            async () => Assert.Equal(0u, (await backend.QueryAsync("/cosmos.bank.v1beta1.Query/Balance", balanceRequest.ToByteArray(), 0, false,
                CancellationToken.None)).Code),
            () =>
            {
                _ = backend.Blocks.LoadBlock(backend.Blocks.Height);
                _ = backend.TxIndex.Search(global::Maci.Node.Query.EventQuery.Parse("tx.height > 0"), perPage: 5);
                return Task.CompletedTask;
            },
            () => node.RpcAsync("broadcast_tx_async", new JsonObject { ["tx"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) }),
        ];
        var workers = calls.Select((call, i) => Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                try
                {
                    await call();
                    Interlocked.Increment(ref done[i]);
                }
                catch (Exception e) when (Volatile.Read(ref disposing) == 1 && IsShutdownError(e))
                {
                    return; // refused or cut off because the node is stopping
                }
                catch (Exception e)
                {
                    unexpected.Enqueue(e);
                    return;
                }
            }
        })).ToArray();

        while (done.Any(n => Volatile.Read(ref n) < 5) && unexpected.IsEmpty && !cts.IsCancellationRequested) await Task.Delay(20);
        Volatile.Write(ref disposing, 1);
        await node.DisposeAsync();
        await Task.WhenAll(workers).WaitAsync(cts.Token);
        Assert.Empty(unexpected);
        Assert.All(done, n => Assert.True(n >= 5));
        // The server ended the websocket session (after the events it had already sent).
        await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            while (true) await TestNode.ReceiveJsonAsync(ws, cts.Token);
        });

        // Both databases were closed (RocksDB refuses to open a database this process still holds).
        await using var again = await TestNode.StartAsync(home);
        Assert.True(await again.StatusHeightAsync() >= 1);
        Assert.Null(again.Host.App.CheckInvariants());
        await again.DisposeAsync();
        TestNode.DeleteHome(home);
    }

    [Fact]
    public async Task In_flight_gate_close_waits_for_calls_in_progress_then_refuses_new_ones()
    {
        var gate = new InFlightGate();
        var first = gate.Enter();
        var second = gate.Enter();
        var closed = gate.CloseAsync();
        Assert.False(closed.IsCompleted);
        Assert.Contains("shutting down", Assert.Throws<InvalidOperationException>(() => gate.Enter()).Message);
        first.Dispose();
        Assert.False(closed.IsCompleted);
        Assert.Equal(1, gate.InFlight);
        second.Dispose();
        await closed;
        Assert.True(gate.CloseAsync().IsCompleted);
    }

    private static bool IsShutdownError(Exception e) => e is HttpRequestException or InvalidOperationException or ObjectDisposedException
        or OperationCanceledException or IOException or WebSocketException or Xunit.Sdk.XunitException;
}
