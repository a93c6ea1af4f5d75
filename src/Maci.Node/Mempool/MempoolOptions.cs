namespace Maci.Node.Mempool;

/// <summary>Mempool limits (CometBFT defaults: 5000 txs, 1 GiB, 1 MiB per tx, 10000-entry cache).</summary>
public sealed record MempoolOptions(
    int MaxTxs = 5000,
    long MaxTxsBytes = 1L << 30,
    int MaxTxBytes = 1 << 20,
    int CacheSize = 10000,
    bool KeepInvalidTxsInCache = false,
    bool Recheck = true);
