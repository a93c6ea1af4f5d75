using Maci.Abci.App;
using Maci.Node.Chain;
using Maci.Node.Config;
using Maci.Node.Mempool;
using Maci.Node.Metrics;
using Maci.Node.Producer;
using Maci.Node.Rpc;
using Maci.Node.Services;
using Maci.Node.Store;
using Maci.Grpc;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using Microsoft.Extensions.Logging;

namespace Maci.Node.Hosting;

/// <summary>
/// The embedded single-validator node: opens the application state and the block store, runs CometBFT's
/// handshake (Info, InitChain at height 0, replay of stored blocks above the app height), produces block 1,
/// then serves JSON-RPC, gRPC and metrics while producing a block every interval.
/// </summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly NodeHostOptions _options;
    private readonly ILogger _log;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stop = new();
    private CommitStore? _appStore;
    private RocksKvStore? _blockDb;
    private RpcHttpServer? _rpc;
    private GrpcServer? _grpc;
    private MetricsServer? _metricsServer;
    private Task? _loop;
    private bool _disposed;

    private NodeHost(NodeHostOptions options, ILoggerFactory loggerFactory)
    {
        _options = options;
        _loggerFactory = loggerFactory;
        _log = loggerFactory.CreateLogger("macid.node");
        Metrics = new NodeMetrics();
    }

    public MaciApp App { get; private set; } = null!;
    public BlockProducer Producer { get; private set; } = null!;
    public AppChainBackend Backend { get; private set; } = null!;
    public NodeMetrics Metrics { get; }
    public GenesisInfo Genesis { get; private set; } = null!;
    public Uri RpcAddress => _rpc!.Address;
    public string? GrpcTarget => _grpc?.Target;
    public Uri? MetricsAddress => _metricsServer?.Address;

    /// <summary>Opens the home, runs the handshake, produces block 1 if the chain is new and starts serving and producing.</summary>
    public static async Task<NodeHost> StartAsync(NodeHostOptions options, ILoggerFactory loggerFactory, CancellationToken ct = default)
    {
        var host = new NodeHost(options, loggerFactory);
        try
        {
            await host.OpenAsync(ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task OpenAsync(CancellationToken ct)
    {
        var home = new NodeHome(_options.Home);
        home.RequireInitialized();
        Genesis = GenesisFile.Load(home.GenesisFile);
        var key = ValidatorKeyFile.Load(home.ValidatorKeyFile);
        var power = ValidatorPower(Genesis, key);
        Directory.CreateDirectory(home.DataDir);

        var appConfig = new AppConfig { ChainId = Genesis.ChainId, MinGasPrice = _options.MinGasPrice };
        _appStore = CommitStore.Open(home.ApplicationDb);
        App = new MaciApp(appConfig, _appStore);
        _blockDb = RocksKvStore.Open(home.BlockStoreDb);
        var blocks = new BlockStore(_blockDb);
        var txIndex = new TxIndexer(_blockDb);
        var blockIndex = new BlockIndexer(_blockDb, blocks);
        var events = new EventBus(maxClients: 1000);
        var factory = new BlockFactory(Genesis.ChainId, key, power, Genesis.ConsensusParams, appConfig.AppVersion);
        var blockApp = new AbciBlockApplication(App, ValidatorInfo.ComputeSetHash(factory.Validators), power);
        var mempool = new TxMempool(new MempoolOptions(MaxTxs: _options.MempoolSize), blockApp.CheckTxAsync);

        // Handshake, as CometBFT's consensus/replay.go does it.
        var info = await App.InfoAsync(new RequestInfo { Version = "0.38.25", BlockVersion = 11, P2PVersion = 8, AbciVersion = "2.0.0" }, ct);
        if (info.LastBlockHeight < 0) throw new InvalidOperationException($"application reported negative height {info.LastBlockHeight}");
        var genesisAppHash = Genesis.AppHash;
        if (info.LastBlockHeight == 0)
        {
            var init = await App.InitChainAsync(AbciMapping.ToInitChain(Genesis), ct);
            if (!init.AppHash.IsEmpty) genesisAppHash = init.AppHash.ToByteArray();
            _log.LogInformation("InitChain chain_id={ChainId} app_hash={AppHash}", Genesis.ChainId, Convert.ToHexString(genesisAppHash));
        }
        var clock = _options.Clock ?? (() => ChainTime.FromDateTimeOffset(DateTimeOffset.UtcNow));
        Producer = new BlockProducer(factory, blockApp, blocks, txIndex, blockIndex, mempool, events, genesisAppHash, clock, Genesis.InitialHeight)
        {
            StageReached = _options.ProducerStageHook,
        };
        if (blocks.Height > info.LastBlockHeight)
            _log.LogInformation("Replaying blocks {From}..{To}", info.LastBlockHeight + 1, blocks.Height);
        await Producer.ReplayAsync(info.LastBlockHeight, ct);
        // A stop between Commit and indexing leaves the indexes behind the block store: catch them up.
        var reindexed = Producer.ReindexMissing();
        if (reindexed > 0) _log.LogInformation("Indexed {Count} stored heights missing from the tx/block index", reindexed);

        var nodeInfo = new NodeInfo(NodeStatusBuilder.NodeId(key.PubKey), Genesis.ChainId, _options.Moniker,
            AppVersion: appConfig.AppVersion, RpcAddress: $"tcp://{_options.Rpc}");
        Backend = new AppChainBackend(App, Genesis, factory, nodeInfo, blocks, txIndex, blockIndex, mempool, events);
        Metrics.Attach(Backend);
        if (blocks.Height == 0) await ProduceAsync(ct);
        _log.LogInformation("Chain {ChainId} at height {Height}", Genesis.ChainId, blocks.Height);

        _rpc = await RpcHttpServer.StartAsync(Backend,
            new RpcServerOptions(_options.Rpc.Address, _options.Rpc.Port) { CallObserver = Metrics.RecordRpc }, ct);
        if (_options.Grpc is { } grpcEndpoint)
        {
            var registry = NodeGrpcServices.CreateRegistry(this);
            _grpc = await GrpcServer.StartAsync(registry,
                new GrpcServerOptions { Endpoint = grpcEndpoint, CallCompleted = Metrics.RecordGrpc }, _loggerFactory, ct);
        }
        if (_options.Metrics is { } metricsEndpoint)
            _metricsServer = await MetricsServer.StartAsync(Metrics, metricsEndpoint, ct);
        _loop = Task.Run(() => RunLoopAsync(_stop.Token), CancellationToken.None);
    }

    private static long ValidatorPower(GenesisInfo genesis, ValidatorKey key)
    {
        if (genesis.Validators.Count == 0) return 10;
        var mine = genesis.Validators.FirstOrDefault(v => v.Ed25519PubKey.AsSpan().SequenceEqual(key.PubKey))
                   ?? throw new NodeConfigException("the validator key is not in the genesis validator set; the embedded producer must be the genesis validator");
        if (genesis.Validators.Count != 1)
            throw new NodeConfigException("the embedded producer runs a single validator; use --abci with CometBFT for a validator set");
        return mine.Power;
    }

    private async Task<ProducedBlock> ProduceAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var produced = await Producer.ProduceBlockAsync(ct);
        Metrics.RecordBlock(produced, System.Diagnostics.Stopwatch.GetElapsedTime(started), Backend.Mempool.Size);
        _log.LogDebug("Block {Height} txs={Txs} app_hash={AppHash}", produced.Block.Header.Height, produced.Block.Txs.Count,
            Convert.ToHexString(produced.Results.AppHash));
        return produced;
    }

    private async Task RunLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.BlockInterval, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                // A height is never cut short: stopping waits for the block in progress to be committed.
                await ProduceAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                // A failing block is a consensus failure: CometBFT halts, so does the embedded producer.
                _log.LogCritical(e, "Block production failed; the node stops producing blocks");
                Failed = e;
                return;
            }
        }
    }

    /// <summary>The error that stopped block production, if any.</summary>
    public Exception? Failed { get; private set; }

    /// <summary>Completes when block production stops (on <see cref="StopAsync"/> or a failure).</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>Stops block production after the height in progress (servers and stores stay open until disposal).</summary>
    public async Task StopAsync()
    {
        if (_disposed) return;
        await StopProducingAsync();
    }

    private async Task StopProducingAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync();
        if (_loop is not null) await _loop;
    }

    /// <summary>
    /// Shuts down so that nothing can use the application or a database once it is closed: end event
    /// subscriptions (websocket and gRPC streams), stop the servers (in-flight requests complete), stop
    /// producing (after the height in progress), close the mempool and the backend (waiting for CheckTx and
    /// calls still running, e.g. broadcast_tx_async's CheckTx or a gRPC handler past its deadline), then
    /// dispose the application and close its database and the block store. Every step runs even if an
    /// earlier one fails; failures are logged.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        Backend?.Events.Close();
        await Step("metrics server", () => _metricsServer?.DisposeAsync());
        await Step("gRPC server", () => _grpc?.DisposeAsync());
        await Step("RPC server", () => _rpc?.DisposeAsync());
        await Step("block production", () => new ValueTask(StopProducingAsync()));
        if (Backend is not null)
        {
            await Step("mempool", () => new ValueTask(Backend.Mempool.CloseAsync()));
            await Step("backend calls", () => new ValueTask(Backend.Calls.CloseAsync()));
        }
        await Step("application", () => Dispose(App));
        await Step("application database", () => Dispose(_appStore));
        await Step("block store", () => Dispose(_blockDb));
        _stop.Dispose();
        Metrics.Dispose();
    }

    private static ValueTask Dispose(IDisposable? d)
    {
        d?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task Step(string what, Func<ValueTask?> step)
    {
        try
        {
            if (step() is { } pending) await pending;
        }
        catch (Exception e)
        {
            _log.LogError(e, "Shutdown: stopping the {What} failed", what);
        }
    }
}
