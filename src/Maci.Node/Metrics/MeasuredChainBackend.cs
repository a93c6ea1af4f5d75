using System.Diagnostics;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Node.Store;

namespace Maci.Node.Metrics;

/// <summary>An <see cref="IChainBackend"/> decorator that records the latency of status, abci_info and abci_query calls.</summary>
public sealed class MeasuredChainBackend(IChainBackend inner, NodeMetrics metrics) : IChainBackend
{
    public NodeStatus GetStatus() => Measure("status", inner.GetStatus);

    public GenesisInfo Genesis => inner.Genesis;

    public ValueTask<AbciInfo> InfoAsync(CancellationToken ct) => MeasureAsync("abci_info", () => inner.InfoAsync(ct));

    public ValueTask<AbciQueryResponse> QueryAsync(string path, byte[] data, long height, bool prove, CancellationToken ct) =>
        MeasureAsync("abci_query", () => inner.QueryAsync(path, data, height, prove, ct));

    public IReadOnlyList<ValidatorInfo> ValidatorsAt(long height) => inner.ValidatorsAt(height);

    public BlockStore Blocks => inner.Blocks;

    public TxIndexer TxIndex => inner.TxIndex;

    public BlockIndexer BlockIndex => inner.BlockIndex;

    public TxMempool Mempool => inner.Mempool;

    public EventBus Events => inner.Events;

    public TimeSpan BroadcastTxCommitTimeout => inner.BroadcastTxCommitTimeout;

    private async ValueTask<T> MeasureAsync<T>(string call, Func<ValueTask<T>> f)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await f();
        }
        finally
        {
            metrics.RecordRpc(call, Stopwatch.GetElapsedTime(start));
        }
    }

    private T Measure<T>(string call, Func<T> f)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return f();
        }
        finally
        {
            metrics.RecordRpc(call, Stopwatch.GetElapsedTime(start));
        }
    }
}
