using System.Globalization;
using System.Net;
using System.Text.Json;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Node.Chain;
using Maci.Node.Hosting;
using Maci.Node.Tests.Host;
using Maci.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Node.Tests.Cli;

/// <summary>Assertions, chain readers and the clock-shifted node of <see cref="RoundCliTests"/>.</summary>
public partial class RoundCliTests
{
    private static void Ok((int Code, string Out, string Err) r) => Assert.True(r.Code == 0, r.Err + r.Out);

    private static void OneLine((int Code, string Out, string Err) r, string expected)
    {
        Assert.True(r.Code == 1, $"expected failure, got {r.Code}: {r.Out}");
        Assert.StartsWith("Error: ", r.Err);
        Assert.Contains(expected, r.Err);
        Assert.Single(r.Err.Trim().Split('\n'));
    }

    private static string Point(in BabyJubjubPoint p) => $"{p.X},{p.Y}";

    private static async Task<long> BalanceAsync(ClockNode node, string address)
    {
        var r = await CliRunner.RunAsync("query", "bank", "balances", address, "--node", node.RpcUrl, "-o", "json");
        Ok(r);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("balances").EnumerateArray().Where(c => c.GetProperty("denom").GetString() == "umaci")
            .Select(c => long.Parse(c.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)).SingleOrDefault();
    }

    /// <summary>The message events (publish_message or publish_deactivate_message) of a tx: data and encryption key, in chain order.</summary>
    private static async Task<List<(Fr[] Data, BabyJubjubPoint Enc)>> PublishedMessagesAsync(ClockNode node, string hash, string type = "publish_message")
    {
        var r = await CliRunner.RunAsync("query", "tx", hash, "--node", node.RpcUrl, "-o", "json");
        Ok(r);
        using var doc = JsonDocument.Parse(r.Out);
        var list = new List<(Fr[], BabyJubjubPoint)>();
        foreach (var e in doc.RootElement.GetProperty("tx_result").GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetString() != type) continue;
            // First value per key: the SDK appends its own msg_index attribute to every event of a msg.
            var attrs = e.GetProperty("attributes").EnumerateArray().GroupBy(a => a.GetProperty("key").GetString()!)
                .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!);
            var enc = attrs["enc_pub_key"].Split(',');
            list.Add((attrs["data"].Split(',').Select(Fr.Parse).ToArray(), new BabyJubjubPoint(Fr.Parse(enc[0]), Fr.Parse(enc[1]))));
        }
        return list;
    }

    /// <summary>A proof of Dora's 2-1-1-5 fixture round in its EVM hex form (valid points; it proves nothing about our rounds).</summary>
    private static string FixtureProof(string type)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("dora-amaci", "round-2-1-1-5.json")));
        var entry = doc.RootElement.EnumerateArray().First(e => e.GetProperty("type").GetString() == type);
        return entry.GetProperty("data").GetProperty("proof").GetRawText();
    }

    /// <summary>A running node whose block clock is the wall clock plus an offset the test moves forward.</summary>
    private sealed class ClockNode : IAsyncDisposable
    {
        private long _offsetSeconds;

        private ClockNode(string home) => Home = home;

        public string Home { get; }
        public NodeHost Host { get; private set; } = null!;
        public string RpcUrl => Host.RpcAddress.ToString().TrimEnd('/');
        public DateTimeOffset ChainNow => DateTimeOffset.UtcNow.AddSeconds(Interlocked.Read(ref _offsetSeconds));

        public static async Task<ClockNode> StartAsync()
        {
            var node = new ClockNode(TestNode.NewHome());
            node.Host = await NodeHost.StartAsync(new NodeHostOptions
            {
                Home = node.Home,
                Rpc = new IPEndPoint(IPAddress.Loopback, 0),
                Grpc = null,
                Metrics = null,
                BlockInterval = TimeSpan.FromMilliseconds(200),
                Clock = () => ChainTime.FromDateTimeOffset(node.ChainNow),
            }, NullLoggerFactory.Instance);
            return node;
        }

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetSeconds, (long)by.TotalSeconds);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            TestNode.DeleteHome(Home);
        }
    }
}
