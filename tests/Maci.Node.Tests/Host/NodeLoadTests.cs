using Maci.Node.Hosting;

namespace Maci.Node.Tests.Host;

/// <summary>The functional version of the "nodeload" bench: every tx from concurrent clients is included exactly once.</summary>
public class NodeLoadTests
{
    [Fact]
    public async Task Concurrent_clients_txs_are_all_included_exactly_once()
    {
        await using var node = await TestNode.StartAsync(interval: TimeSpan.FromMilliseconds(100));
        // The deadline only bounds a stuck run: a healthy one ends as soon as every tx is included.
        var result = await NodeLoadDriver.RunAsync(node.Host, TestNode.Mnemonic0, totalTxs: 400, clients: 4, TimeSpan.FromMinutes(5));
        Assert.Equal(400, result.Sent);
        Assert.Equal(0, result.Refused);
        Assert.Equal(400, result.Included);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, node.Host.Backend.Mempool.Size);
        Assert.Null(node.Host.App.CheckInvariants());
    }

    [Fact]
    public async Task Broadcasts_resent_after_client_timeouts_are_still_included_exactly_once()
    {
        await using var node = await TestNode.StartAsync(interval: TimeSpan.FromMilliseconds(100));
        // The first attempt of every broadcast fails at once (a zero timeout); the resend gets 1 ms, which often
        // expires while the node is checking the tx, and timeouts double until the node's answer arrives in time.
        var result = await NodeLoadDriver.RunAsync(node.Host, TestNode.Mnemonic0, totalTxs: 120, clients: 3, TimeSpan.FromMinutes(5),
            requestTimeout: TimeSpan.Zero);
        Assert.True(result.Resent >= 120, $"only {result.Resent} resends");
        Assert.Equal(120, result.Sent);
        Assert.Equal(0, result.Refused);
        Assert.Equal(120, result.Included);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, result.Lost);
        Assert.Equal(0, node.Host.Backend.Mempool.Size);
        Assert.Null(node.Host.App.CheckInvariants());
    }
}
