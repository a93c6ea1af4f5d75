namespace Maci.Modules.Insurance.Types;

/// <summary>
/// What the insurance module reads about a round. Times are Unix seconds of block time; voting runs from
/// <see cref="VotingStart"/> to <see cref="VotingEnd"/>, both inclusive. The delays are the round's fixed
/// copies of the registry's delay config.
/// </summary>
public sealed record RoundInfo(
    ulong RoundId,
    byte[] Owner,
    byte[] Operator,
    long VotingStart,
    long VotingEnd,
    RoundStatus Status,
    ulong NumSignUps,
    ulong MessageCount,
    RoundDelays Delays)
{
    /// <summary>
    /// Dora's tally window, counted from voting end: (base + sign-ups·signup_delay + messages·message_delay)·3,
    /// with saturating 64-bit arithmetic.
    /// </summary>
    public ulong TallyDelay => Delays.TallyDelay(NumSignUps, MessageCount);

    /// <summary>The last second at which a tally is on time: voting end + tally delay (late when strictly after).</summary>
    public long TallyDeadline => SaturatingAdd(VotingEnd, TallyDelay);

    /// <summary>Past this second with no tally the round is moribund: voting end + tally delay + timeout.</summary>
    public long HardTimeout(ulong timeoutSeconds) => SaturatingAdd(TallyDeadline, timeoutSeconds);

    internal static long SaturatingAdd(long time, ulong seconds)
    {
        if (seconds >= (ulong)long.MaxValue) return long.MaxValue;
        var s = (long)seconds;
        return time > long.MaxValue - s ? long.MaxValue : time + s;
    }
}
