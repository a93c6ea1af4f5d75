using System.CommandLine;
using System.Net;
using Maci.Abci.App;
using Maci.Abci.Server;
using Maci.Node.Config;
using Maci.Node.Hosting;
using Maci.Node.Logging;
using Maci.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maci.Node.Cli;

/// <summary>
/// <c>macid start</c>: the embedded single-validator node (RPC, gRPC, metrics), or with <c>--abci ADDR</c> only the
/// ABCI socket server for a CometBFT v0.38 node. Runs under Microsoft.Extensions.Hosting: Ctrl-C / SIGTERM stop it cleanly.
/// </summary>
public static class StartCommand
{
    public static Command Create(CliIo io)
    {
        var home = CliOptions.Home();
        var interval = new Option<string?>("--block-interval") { Description = "Time between blocks, e.g. 1s, 500ms (config: block_interval)" };
        var rpc = new Option<string?>("--rpc") { Description = "JSON-RPC listen address host:port (config: rpc_listen)" };
        var grpc = new Option<string?>("--grpc") { Description = "gRPC listen address host:port, or 'off' (config: grpc_listen)" };
        var metrics = new Option<string?>("--metrics") { Description = "Prometheus /metrics listen address host:port, or 'off' (config: metrics_listen)" };
        var abci = new Option<string?>("--abci") { Description = "Serve only ABCI for CometBFT at tcp://host:port or unix:///path" };
        var logLevel = new Option<string?>("--log-level") { Description = "Trace, Debug, Information, Warning, Error (config: log_level)" };
        var command = new Command("start", "Run the node") { home, interval, rpc, grpc, metrics, abci, logLevel };
        command.SetAction(async (parse, ct) =>
        {
            var nodeHome = new NodeHome(Path.GetFullPath(parse.GetValue(home)!));
            nodeHome.RequireInitialized();
            var config = NodeConfig.Load(nodeHome.ConfigFile);
            var level = NodeLogging.ParseLevel(parse.GetValue(logLevel) ?? config.LogLevel);
            var abciAddress = parse.GetValue(abci);
            if (abciAddress is not null) return await RunAbciAsync(io, nodeHome, config, abciAddress, level, ct);
            var options = new NodeHostOptions
            {
                Home = nodeHome.Root,
                Rpc = Endpoint(parse.GetValue(rpc) ?? config.RpcListen, "--rpc")!,
                Grpc = Endpoint(parse.GetValue(grpc) ?? config.GrpcListen, "--grpc"),
                Metrics = Endpoint(parse.GetValue(metrics) ?? config.MetricsListen, "--metrics"),
                BlockInterval = DurationText.Parse(parse.GetValue(interval) ?? config.BlockInterval),
                Moniker = config.Moniker,
                MinGasPrice = config.MinGasPrice,
                MempoolSize = config.MempoolSize,
            };
            return await RunNodeAsync(io, options, level, ct);
        });
        return command;
    }

    private static async Task<int> RunNodeAsync(CliIo io, NodeHostOptions options, LogLevel level, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        NodeLogging.Configure(builder.Logging, level);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<NodeHostedService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeHostedService>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<NodeHostedService>();
        await host.StartAsync(ct);
        var node = service.Node!;
        io.Line($"macid: chain {node.Genesis.ChainId} at height {node.Backend.Blocks.Height}");
        io.Line($"RPC      {node.RpcAddress}");
        io.Line($"gRPC     {(node.GrpcTarget is { } g ? g : "off")}");
        io.Line($"metrics  {(node.MetricsAddress is { } m ? m.ToString() : "off")}");
        await io.Out.FlushAsync(ct);
        await Task.WhenAny(host.WaitForShutdownAsync(ct), node.Completion);
        var failure = node.Failed;
        await host.StopAsync(CancellationToken.None);
        if (failure is not null) throw new CliException($"block production stopped: {failure.Message}");
        return 0;
    }

    private static async Task<int> RunAbciAsync(CliIo io, NodeHome home, NodeConfig config, string address, LogLevel level, CancellationToken ct)
    {
        try
        {
            AbciAddress.Parse(address);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliException($"invalid --abci address '{address}': {e.Message}");
        }
        var genesis = GenesisFile.Load(home.GenesisFile);
        var builder = Host.CreateApplicationBuilder();
        NodeLogging.Configure(builder.Logging, level);
        Directory.CreateDirectory(home.DataDir);
        builder.Services.AddSingleton(_ => CommitStore.Open(home.ApplicationDb));
        builder.Services.AddSingleton(sp => new MaciApp(new AppConfig { ChainId = genesis.ChainId, MinGasPrice = config.MinGasPrice },
            sp.GetRequiredService<CommitStore>()));
        builder.Services.AddSingleton(sp => new AbciSocketServer(sp.GetRequiredService<MaciApp>(), new AbciServerOptions { Address = address },
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("macid.abci")));
        builder.Services.AddHostedService(sp => new AbciHostedService(sp.GetRequiredService<AbciSocketServer>()));
        using var host = builder.Build();
        await host.StartAsync(ct);
        io.Line($"macid: serving ABCI for chain {genesis.ChainId} at {host.Services.GetRequiredService<AbciSocketServer>().ListenAddress}");
        await io.Out.FlushAsync(ct);
        await host.WaitForShutdownAsync(ct);
        return 0;
    }

    /// <summary>"host:port" → endpoint; "off" or empty → null.</summary>
    public static IPEndPoint? Endpoint(string text, string option)
    {
        if (text is "" or "off") return null;
        var t = text.StartsWith("tcp://", StringComparison.Ordinal) ? text[6..] : text;
        if (IPEndPoint.TryParse(t, out var ep) && t.Contains(':')) return ep;
        var colon = t.LastIndexOf(':');
        if (colon > 0 && t[..colon] == "localhost" && int.TryParse(t[(colon + 1)..], out var port) && port is >= 0 and <= 65535)
            return new IPEndPoint(IPAddress.Loopback, port);
        throw new CliException($"invalid {option} address '{text}' (expected host:port, e.g. 127.0.0.1:26657)");
    }
}
