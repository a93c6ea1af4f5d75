using Maci.Node.Chain;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// The proposer's block time source: the wall clock plus an offset the test moves forward, so a round's voting window
/// (which the module requires to last more than 600 s of block time) opens and closes within seconds of real time.
/// </summary>
internal sealed class SteppedClock
{
    private long _offsetTicks;

    public ChainTime Now() => ChainTime.FromDateTimeOffset(DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref _offsetTicks)));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
