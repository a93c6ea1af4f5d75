using Maci.Node.Chain;
using Maci.Node.Query;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

public class EventBusTests
{
    private static TxEvent Tx(long height, string action) =>
        new(new IndexedTx(TxHash.Compute([(byte)height]), height, 0, [(byte)height],
            new ExecTxResult(Events: [new AbciEvent("message", new AbciEventAttribute("action", action, false))])));

    [Fact]
    public void Delivers_only_matching_events()
    {
        var bus = new EventBus();
        using var sends = bus.Subscribe("c1", "tm.event='Tx' AND message.action='send'");
        using var all = bus.Subscribe("c2", "tm.event='Tx'");
        bus.Publish(Tx(1, "send"));
        bus.Publish(Tx(2, "vote"));
        Assert.True(sends.Reader.TryRead(out var e));
        Assert.Equal(1, ((TxEvent)e!).Tx.Height);
        Assert.False(sends.Reader.TryRead(out _));
        Assert.Equal(2, all.Reader.Count);
    }

    [Fact]
    public void Enforces_limits_and_duplicates()
    {
        var bus = new EventBus(maxClients: 1, maxSubscriptionsPerClient: 2);
        bus.Subscribe("a", "tm.event='Tx'");
        Assert.Equal("already subscribed", Assert.Throws<InvalidOperationException>(() => bus.Subscribe("a", "tm.event='Tx'")).Message);
        bus.Subscribe("a", "tm.event='NewBlock'");
        Assert.Contains("max_subscriptions_per_client 2", Assert.Throws<InvalidOperationException>(() => bus.Subscribe("a", "x.y EXISTS")).Message);
        Assert.Contains("max_subscription_clients 1", Assert.Throws<InvalidOperationException>(() => bus.Subscribe("b", "tm.event='Tx'")).Message);
        Assert.Throws<EventQueryException>(() => bus.Subscribe("a", "tm.event ="));
        Assert.Equal(2, bus.UnsubscribeAll("a"));
        Assert.False(bus.Unsubscribe("a", "tm.event='Tx'"));
        Assert.Equal(0, bus.SubscriptionCount);
    }

    [Fact]
    public async Task Slow_subscriber_is_cancelled_with_an_error()
    {
        var bus = new EventBus();
        var sub = bus.Subscribe("slow", "tm.event='Tx'", capacity: 2);
        for (var i = 1; i <= 3; i++) bus.Publish(Tx(i, "send"));
        Assert.Equal(0, bus.SubscriptionCount);
        var read = 0;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in sub.Reader.ReadAllAsync()) read++;
        });
        Assert.Equal(2, read);
        Assert.Equal("client is not pulling messages fast enough", error.Message);
    }

    [Fact]
    public void Status_builder_uses_header_app_hashes_and_requires_a_block()
    {
        var chain = new TestChain();
        var factory = chain.Factory;
        var info = new NodeInfo(NodeStatusBuilder.NodeId(factory.Key.PubKey), TestChain.ChainId, "m");
        Assert.Throws<InvalidOperationException>(() => NodeStatusBuilder.FromStore(chain.Blocks, info, factory.Validators[0]));
        chain.Append([]);
        var (b2, id2) = chain.Append([]);
        var status = NodeStatusBuilder.FromStore(chain.Blocks, info, factory.Validators[0]);
        Assert.Equal(id2.Hash, status.SyncInfo.LatestBlockHash);
        Assert.Equal(b2.Header.AppHash, status.SyncInfo.LatestAppHash);
        Assert.Equal(2, status.SyncInfo.LatestBlockHeight);
        Assert.Equal(1, status.SyncInfo.EarliestBlockHeight);
        Assert.Equal(40, info.Id.Length);
        Assert.Equal(info.Id.ToLowerInvariant(), info.Id);
    }

    [Fact]
    public async Task Close_ends_every_subscription_and_refuses_new_ones()
    {
        var bus = new EventBus();
        var sub = bus.Subscribe("c1", "tm.event='Tx'");
        bus.Publish(Tx(1, "send"));
        bus.Close();
        // Readers drain what was delivered, then complete normally (websocket and gRPC streams end).
        Assert.Equal(1, (await sub.Reader.ReadAllAsync().ToListAsync()).Count);
        Assert.Equal(0, bus.SubscriptionCount);
        Assert.Contains("shutting down", Assert.Throws<InvalidOperationException>(() => bus.Subscribe("c2", "tm.event='Tx'")).Message);
        bus.Publish(Tx(2, "send")); // no subscriber, no error
    }
}
