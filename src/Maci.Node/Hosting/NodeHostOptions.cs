using System.Net;
using Maci.Node.Chain;
using Maci.Node.Producer;

namespace Maci.Node.Hosting;

/// <summary>How <see cref="NodeHost"/> runs: the home directory and listen addresses (port 0 = any free port).</summary>
public sealed record NodeHostOptions
{
    public required string Home { get; init; }
    public IPEndPoint Rpc { get; init; } = new(IPAddress.Loopback, 26657);

    /// <summary>gRPC listen address; null disables gRPC.</summary>
    public IPEndPoint? Grpc { get; init; } = new(IPAddress.Loopback, 9090);

    /// <summary>Prometheus GET /metrics listen address; null disables it.</summary>
    public IPEndPoint? Metrics { get; init; } = new(IPAddress.Loopback, 26660);

    public TimeSpan BlockInterval { get; init; } = TimeSpan.FromSeconds(1);
    public string Moniker { get; init; } = "maci-node";
    public string MinGasPrice { get; init; } = "0.0025umaci";
    public int MempoolSize { get; init; } = 50000;

    /// <summary>Block time source (tests may pin it); defaults to the wall clock, which only the proposer reads.</summary>
    public Func<ChainTime>? Clock { get; init; }

    /// <summary>Test hook: see <see cref="BlockProducer.StageReached"/> (pause or fail a height between its steps).</summary>
    public Func<ProducerStage, Block, ValueTask>? ProducerStageHook { get; init; }
}
