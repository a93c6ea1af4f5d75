using System.Net;
using Maci.Node.Chain;
using Maci.Node.Cli;
using Maci.Node.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Bench;

/// <summary>
/// A running node (in-process NodeHost, RocksDB, 1 s blocks by default) fed by concurrent JSON-RPC clients over
/// loopback: tx/s, p50/p99 inclusion latency (broadcast → Tx event), exactly-once inclusion and peak managed heap.
/// Options: --txs N (default 20000), --clients C (default 8), --interval MS (default 1000).
/// </summary>
public static class NodeLoadBench
{
    private const string FunderMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    public static int Run(string[] args)
    {
        var txs = IntOption(args, "--txs", 20_000);
        var clients = IntOption(args, "--clients", 8);
        var interval = IntOption(args, "--interval", 1000);
        var home = Path.Combine(Path.GetTempPath(), "macid-bench-" + Guid.NewGuid().ToString("N")[..8]);
        InitCommand.Run(home, "maci-devnet-1", "bench", ChainTime.FromDateTimeOffset(DateTimeOffset.UtcNow));
        try
        {
            return RunAsync(home, txs, clients, interval).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string home, int txs, int clients, int intervalMs)
    {
        Console.WriteLine($"nodeload: {txs} signed MsgSend txs from {clients} clients over loopback JSON-RPC, block interval {intervalMs} ms, cores: {Environment.ProcessorCount}");
        await using var node = await NodeHost.StartAsync(new NodeHostOptions
        {
            Home = home,
            Rpc = new IPEndPoint(IPAddress.Loopback, 0),
            Grpc = null,
            Metrics = null,
            BlockInterval = TimeSpan.FromMilliseconds(intervalMs),
            MempoolSize = Math.Max(5000, txs + clients),
        }, NullLoggerFactory.Instance);
        var r = await NodeLoadDriver.RunAsync(node, FunderMnemonic, txs, clients, TimeSpan.FromMinutes(10));
        Console.WriteLine($"  sent {r.Sent}, included {r.Included}, duplicates {r.Duplicates}, lost {r.Lost}, refused {r.Refused}, resent {r.Resent}");
        Console.WriteLine($"  blocks {r.FirstHeight}..{r.LastHeight}, throughput {r.TxPerSecond:F0} tx/s");
        Console.WriteLine($"  inclusion latency p50 {r.P50.TotalMilliseconds:F0} ms, p99 {r.P99.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  peak managed heap {r.PeakManagedBytes / (1024 * 1024)} MiB");
        return r.Lost == 0 && r.Duplicates == 0 && r.Refused == 0 ? 0 : 1;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }
}
