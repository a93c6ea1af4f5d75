namespace Maci.Node.Hosting;

/// <summary>
/// Counts calls in progress; once closed it refuses new calls, and <see cref="CloseAsync"/> completes when the
/// last call in progress has left. The node closes it before closing the application and its databases.
/// </summary>
public sealed class InFlightGate
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private bool _closed;

    public int InFlight
    {
        get { lock (_lock) return _count; }
    }

    /// <summary>Enters a call; throws <see cref="InvalidOperationException"/> once the gate is closed.</summary>
    public Scope Enter()
    {
        lock (_lock)
        {
            if (_closed) throw new InvalidOperationException("the node is shutting down");
            _count++;
        }
        return new Scope(this);
    }

    /// <summary>Refuses new calls; completes when none is in progress.</summary>
    public Task CloseAsync()
    {
        lock (_lock)
        {
            _closed = true;
            if (_count == 0) _drained.TrySetResult();
        }
        return _drained.Task;
    }

    private void Exit()
    {
        lock (_lock)
            if (--_count == 0 && _closed) _drained.TrySetResult();
    }

    public readonly struct Scope(InFlightGate gate) : IDisposable
    {
        public void Dispose() => gate.Exit();
    }
}
