using Maci.Abci.Tests.Support;

namespace Maci.Abci.Tests.Conformance;

/// <summary>Records every prefetch batch, then passes it on when the inner application has a prefetch hook.</summary>
public sealed class PrefetchRecorder(IAbciApplication inner) : ForwardingApplication(inner), IAbciPrefetch
{
    private readonly Lock _lock = new();
    private readonly List<byte[][]> _batches = [];

    public IReadOnlyList<byte[][]> Batches
    {
        get
        {
            lock (_lock) return [.. _batches];
        }
    }

    public void PrefetchCheckTx(IReadOnlyList<ReadOnlyMemory<byte>> txs)
    {
        lock (_lock) _batches.Add([.. txs.Select(t => t.ToArray())]);
        (Inner as IAbciPrefetch)?.PrefetchCheckTx(txs);
    }
}
