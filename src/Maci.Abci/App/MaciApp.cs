using Google.Protobuf.WellKnownTypes;
using Maci.Proto.Tendermint.Abci;
using Maci.Sdk;
using Maci.Sdk.Crypto;
using Maci.Storage;

namespace Maci.Abci.App;

/// <summary>
/// The Maci.Chain ABCI application (BaseApp-like). Three states: the consensus working set of
/// <see cref="CommitStore"/> (FinalizeBlock stages, Commit persists atomically), a CheckTx branch over the
/// last committed snapshot (reset at every Commit), and per-query branches of that snapshot. All calls
/// are serialised by one lock, so connections may call concurrently.
/// </summary>
public sealed partial class MaciApp : IAbciApplication, IAbciPrefetch, IDisposable
{
    private readonly Lock _lock = new();
    private readonly CommitStore _store;
    private readonly TxRunner _runner;

    private StateSnapshot _checkSnapshot;
    private MultiStore _checkState;
    private long _lastBlockTimeSeconds;
    private int _lastBlockTimeNanos;

    /// <summary>Height executed by FinalizeBlock and not yet committed (0 = none).</summary>
    private long _pendingHeight;
    private bool _blockExecuted;

    /// <summary>Genesis staged by InitChain and not yet committed (replayed if a block is re-executed).</summary>
    private RequestInitChain? _pendingGenesis;

    public MaciApp(AppConfig config, CommitStore store, ISecp256k1? crypto = null)
    {
        Config = config;
        _store = store;
        Modules = new AppModules(config, crypto ?? CosmosSecp256k1.Instance);
        foreach (var m in Modules.Ordered)
            if (!store.Modules.TryGet(m.StoreKey.Name, out _)) store.RegisterModule(m.StoreKey.Name);
        _runner = new TxRunner(Modules, config);
        _checkSnapshot = store.OpenSnapshot();
        _checkState = _checkSnapshot.Branch();
    }

    public AppConfig Config { get; }

    public AppModules Modules { get; }

    public TxRunner Runner => _runner;

    public Maci.Storage.CommitInfo LastCommitted => _store.LastCommitted;

    public ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var last = _store.LastCommitted;
            return ValueTask.FromResult(new ResponseInfo
            {
                Data = "maci-chain",
                Version = Config.Version,
                AppVersion = Config.AppVersion,
                LastBlockHeight = last.Height,
                LastBlockAppHash = last.Height == 0 ? Google.Protobuf.ByteString.Empty : Google.Protobuf.ByteString.CopyFrom(last.AppHash),
            });
        }
    }

    private Context NewContext(MultiStore state, long height, ExecMode mode, long timeSeconds, int timeNanos) => new()
    {
        State = state,
        ChainId = Config.ChainId,
        BlockHeight = height,
        BlockTimeSeconds = timeSeconds,
        BlockTimeNanos = timeNanos,
        Mode = mode,
        GasConfig = Config.Gas,
    };

    private void ResetCheckState()
    {
        _checkSnapshot.Dispose();
        _checkSnapshot = _store.OpenSnapshot();
        _checkState = _checkSnapshot.Branch();
    }

    private static (long, int) Time(Timestamp? t) => t is null ? (0, 0) : (t.Seconds, t.Nanos);

    /// <summary>
    /// Checks every module invariant against the last committed state; null when all hold.
    /// (Invariants are asserted in tests, never enforced on chain.)
    /// </summary>
    public string? CheckInvariants()
    {
        lock (_lock)
        {
            using var snap = _store.OpenSnapshot();
            var ctx = NewContext(snap.Branch(), snap.Height, ExecMode.Query, _lastBlockTimeSeconds, _lastBlockTimeNanos);
            foreach (var inv in Modules.Invariants)
                if (inv.Check(ctx) is { } broken) return $"{inv.Module}/{inv.Name}: {broken}";
            return null;
        }
    }

    public void Dispose() => _checkSnapshot.Dispose();
}
