using Maci.Node.Chain;

namespace Maci.Node.Mempool;

/// <summary>
/// A FIFO mempool in the manner of CometBFT's CListMempool: bounded by count and bytes, deduplicated
/// through an LRU cache of tx hashes, reaped for proposals by max bytes/gas, updated after each commit
/// (committed txs removed, the rest re-checked). Thread-safe; CheckTx calls into the application one
/// at a time, and <see cref="LockForCommitAsync"/> keeps them out while a block is being committed.
/// </summary>
public sealed class TxMempool(MempoolOptions options, Func<byte[], CheckTxKind, CancellationToken, ValueTask<CheckTxResult>> checkTx)
{
    private readonly Lock _data = new();
    private readonly SemaphoreSlim _updateGate = new(1, 1);
    private readonly LinkedList<PendingTx> _txs = new();
    private readonly Dictionary<string, LinkedListNode<PendingTx>> _byHash = new(StringComparer.Ordinal);
    private readonly TxCache _cache = new(options.CacheSize);
    private long _bytes;
    private bool _closed;

    private sealed record PendingTx(byte[] Tx, string Key, long GasWanted, long Height);

    public MempoolOptions Options { get; } = options;

    /// <summary>The height of the last block the mempool was updated with.</summary>
    public long Height { get; private set; }

    public int Size
    {
        get { lock (_data) return _txs.Count; }
    }

    public long SizeBytes
    {
        get { lock (_data) return _bytes; }
    }

    /// <summary>
    /// Runs CheckTx and admits the tx when it passes. Throws <see cref="MempoolException"/> for a full
    /// mempool, an oversized tx or a tx already in the cache; otherwise returns the application's answer.
    /// </summary>
    public async ValueTask<CheckTxResult> CheckTxAsync(byte[] tx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tx);
        await _updateGate.WaitAsync(ct);
        try
        {
            if (_closed) throw new InvalidOperationException("the mempool is closed (the node is shutting down)");
            var key = Convert.ToHexString(TxHash.Compute(tx));
            lock (_data)
            {
                ThrowIfFull(tx.Length);
                if (tx.Length > Options.MaxTxBytes)
                    throw new MempoolException(MempoolErrorKind.TxTooLarge,
                        $"Tx too large. Max size is {Options.MaxTxBytes}, but got {tx.Length}");
                if (!_cache.Push(key))
                    throw new MempoolException(MempoolErrorKind.TxInCache, "tx already exists in cache");
            }

            CheckTxResult result;
            try
            {
                // Once asked, the application's answer is recorded even if the caller gave up: an application
                // may have advanced its CheckTx state (e.g. a sequence) for this tx, and the pool must match it.
                result = await checkTx(tx, CheckTxKind.New, CancellationToken.None);
            }
            catch
            {
                lock (_data) _cache.Remove(key); // the tx was never judged: let it be sent again
                throw;
            }
            lock (_data)
            {
                if (!result.IsOk)
                {
                    if (!Options.KeepInvalidTxsInCache) _cache.Remove(key);
                    return result;
                }
                if (IsFull(tx.Length))
                {
                    _cache.Remove(key);
                    return result;
                }
                if (!_byHash.ContainsKey(key))
                {
                    _byHash[key] = _txs.AddLast(new PendingTx(tx, key, result.GasWanted, Height));
                    _bytes += tx.Length;
                }
            }
            return result;
        }
        finally
        {
            _updateGate.Release();
        }
    }

    /// <summary>Pending txs in FIFO order while their proto size (Data.txs) stays within max bytes and gas within max gas (−1 = no limit).</summary>
    public IReadOnlyList<byte[]> ReapMaxBytesMaxGas(long maxBytes, long maxGas)
    {
        lock (_data)
        {
            var reaped = new List<byte[]>();
            long size = 0, gas = 0;
            foreach (var p in _txs)
            {
                var protoSize = ProtoSizeInData(p.Tx.Length);
                if (maxBytes > -1 && size + protoSize > maxBytes) break;
                if (maxGas > -1 && gas + p.GasWanted > maxGas) break;
                size += protoSize;
                gas += p.GasWanted;
                reaped.Add(p.Tx);
            }
            return reaped;
        }
    }

    /// <summary>Up to <paramref name="max"/> pending txs in FIFO order (all when negative).</summary>
    public IReadOnlyList<byte[]> ReapMaxTxs(int max)
    {
        lock (_data)
            return (max < 0 ? _txs : _txs.Take(max)).Select(p => p.Tx).ToArray();
    }

    /// <summary>Blocks new CheckTx calls until the returned handle is disposed (hold it across Commit and <see cref="UpdateAsync"/>).</summary>
    public async Task<IDisposable> LockForCommitAsync(CancellationToken ct = default)
    {
        await _updateGate.WaitAsync(ct);
        return new Releaser(_updateGate);
    }

    /// <summary>
    /// After a commit: removes the block's txs (keeping successful ones in the cache so they cannot be
    /// replayed, dropping failed ones from it), then re-checks what remains and evicts txs that now fail.
    /// </summary>
    public async Task UpdateAsync(long height, IReadOnlyList<byte[]> committed, IReadOnlyList<ExecTxResult> results,
        CancellationToken ct = default)
    {
        if (committed.Count != results.Count) throw new ArgumentException($"{results.Count} results for {committed.Count} txs");
        List<PendingTx> toRecheck;
        lock (_data)
        {
            Height = height;
            for (var i = 0; i < committed.Count; i++)
            {
                var key = Convert.ToHexString(TxHash.Compute(committed[i]));
                if (results[i].Code == 0) _cache.Push(key);
                else if (!Options.KeepInvalidTxsInCache) _cache.Remove(key);
                RemoveLocked(key);
            }
            toRecheck = Options.Recheck ? [.. _txs] : [];
        }
        foreach (var p in toRecheck)
        {
            var r = await checkTx(p.Tx, CheckTxKind.Recheck, ct);
            if (r.IsOk) continue;
            lock (_data)
            {
                RemoveLocked(p.Key);
                if (!Options.KeepInvalidTxsInCache) _cache.Remove(p.Key);
            }
        }
    }

    /// <summary>
    /// Waits for the CheckTx in progress (and a commit holding the lock) to finish, then refuses every later
    /// CheckTx with <see cref="InvalidOperationException"/>, so the application is no longer called.
    /// </summary>
    public async Task CloseAsync()
    {
        await _updateGate.WaitAsync();
        _closed = true;
        _updateGate.Release();
    }

    /// <summary>Drops everything, including the cache (unsafe_flush_mempool).</summary>
    public void Flush()
    {
        lock (_data)
        {
            foreach (var p in _txs) _cache.Remove(p.Key);
            _txs.Clear();
            _byHash.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Size of one tx inside a Data message: tag + length varint + bytes.</summary>
    public static long ProtoSizeInData(int txLength)
    {
        var varint = 1;
        for (var v = (uint)txLength; v >= 0x80; v >>= 7) varint++;
        return 1 + varint + txLength;
    }

    private void RemoveLocked(string key)
    {
        if (!_byHash.Remove(key, out var node)) return;
        _txs.Remove(node);
        _bytes -= node.Value.Tx.Length;
    }

    private bool IsFull(int txSize) => _txs.Count >= Options.MaxTxs || txSize + _bytes > Options.MaxTxsBytes;

    private void ThrowIfFull(int txSize)
    {
        if (IsFull(txSize))
            throw new MempoolException(MempoolErrorKind.MempoolFull,
                $"mempool is full: number of txs {_txs.Count} (max: {Options.MaxTxs}), total txs bytes {_bytes} (max: {Options.MaxTxsBytes})");
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
        }
    }
}
