using System.Diagnostics.Metrics;
using Maci.Node.Producer;
using Maci.Node.Rpc;

namespace Maci.Node.Metrics;

/// <summary>
/// The node's instruments (meter "Maci.Node"): chain height, committed txs, mempool size, block production
/// time, block time (between consecutive blocks), JSON-RPC latency by method and gRPC latency by full method
/// and status code. Exported by <see cref="PrometheusExporter"/>.
/// </summary>
public sealed class NodeMetrics : IDisposable
{
    public const string MeterName = "Maci.Node";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _txs;
    private readonly Counter<long> _failedTxs;
    private readonly Counter<long> _blocks;
    private readonly Histogram<double> _blockProduction;
    private readonly Histogram<double> _blockInterval;
    private readonly Histogram<double> _rpcLatency;
    private readonly Histogram<double> _grpcLatency;
    private IChainBackend? _backend;
    private long _height;
    private long _lastBlockUnixMs;

    public NodeMetrics()
    {
        _meter.CreateObservableGauge("maci_height", () => Volatile.Read(ref _height), description: "Latest committed block height");
        _meter.CreateObservableGauge("maci_mempool_size", () => (long)(_backend?.Mempool.Size ?? 0), description: "Transactions waiting in the mempool");
        _meter.CreateObservableGauge("maci_mempool_bytes", () => _backend?.Mempool.SizeBytes ?? 0, description: "Bytes of transactions waiting in the mempool");
        _txs = _meter.CreateCounter<long>("maci_txs_total", description: "Transactions committed in blocks");
        _failedTxs = _meter.CreateCounter<long>("maci_txs_failed_total", description: "Committed transactions with a non-zero result code");
        _blocks = _meter.CreateCounter<long>("maci_blocks_total", description: "Blocks produced by this node");
        _blockProduction = _meter.CreateHistogram<double>("maci_block_production_seconds", description: "Time to propose, execute, store and commit a block");
        _blockInterval = _meter.CreateHistogram<double>("maci_block_interval_seconds", description: "Block time: header time difference between consecutive blocks");
        _rpcLatency = _meter.CreateHistogram<double>("maci_rpc_request_seconds",
            description: "JSON-RPC call latency (HTTP and websocket) by method and outcome (ok/error)");
        _grpcLatency = _meter.CreateHistogram<double>("maci_grpc_request_seconds", description: "gRPC call latency by full method and status code");
    }

    public Meter Meter => _meter;

    public void Attach(IChainBackend backend)
    {
        _backend = backend;
        Volatile.Write(ref _height, backend.Blocks.Height);
    }

    public void RecordBlock(ProducedBlock block, TimeSpan productionTime, int mempoolSize)
    {
        var header = block.Block.Header;
        Volatile.Write(ref _height, header.Height);
        _blocks.Add(1);
        _txs.Add(block.Block.Txs.Count);
        var failed = block.Results.TxResults.Count(r => r.Code != 0);
        if (failed > 0) _failedTxs.Add(failed);
        _blockProduction.Record(productionTime.TotalSeconds);
        var ms = header.Time.Seconds * 1000 + header.Time.Nanos / 1_000_000;
        var last = Interlocked.Exchange(ref _lastBlockUnixMs, ms);
        if (last != 0 && ms > last) _blockInterval.Record((ms - last) / 1000.0);
    }

    /// <summary>One JSON-RPC call (matches <see cref="Rpc.RpcServerOptions.CallObserver"/>).</summary>
    public void RecordRpc(string method, TimeSpan elapsed, bool failed) =>
        _rpcLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", method),
            new KeyValuePair<string, object?>("outcome", failed ? "error" : "ok"));

    /// <summary>One gRPC call (matches <see cref="Maci.Grpc.GrpcServerOptions.CallCompleted"/>).</summary>
    public void RecordGrpc(string fullMethod, Maci.Grpc.StatusCode status, TimeSpan elapsed) =>
        _grpcLatency.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("method", fullMethod),
            new KeyValuePair<string, object?>("code", status.ToString()));

    public void Dispose() => _meter.Dispose();
}
