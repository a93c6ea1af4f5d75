using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>
/// Info waits (at most 5 s) until <c>participants</c> calls have entered it, and records the peak number of
/// concurrent Info calls.
/// </summary>
public sealed class RendezvousApplication(int participants) : StubApplication
{
    private readonly TaskCompletionSource _allArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    private int _maxConcurrent;
    private int _calls;

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public int Calls => Volatile.Read(ref _calls);

    public override async ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct)
    {
        var inside = Interlocked.Increment(ref _inside);
        int seen;
        while ((seen = Volatile.Read(ref _maxConcurrent)) < inside
            && Interlocked.CompareExchange(ref _maxConcurrent, inside, seen) != seen)
        {
        }
        if (Interlocked.Increment(ref _calls) >= participants)
        {
            _allArrived.TrySetResult();
        }
        await _allArrived.Task.WaitAsync(TimeSpan.FromSeconds(5), ct);
        await Task.Delay(2, ct);
        Interlocked.Decrement(ref _inside);
        return new ResponseInfo();
    }
}
