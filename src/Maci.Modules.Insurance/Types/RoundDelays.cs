namespace Maci.Modules.Insurance.Types;

/// <summary>A round's delay config in seconds (Dora defaults: base 200, message 2, signup 1, deactivate 600).</summary>
public sealed record RoundDelays(ulong BaseDelay, ulong SignupDelay, ulong MessageDelay, ulong DeactivateDelay)
{
    /// <summary>Dora's TALLY_DELAY_MULTIPLIER.</summary>
    public const ulong TallyDelayMultiplier = 3;

    public static RoundDelays DoraDefaults { get; } = new(200, 1, 2, 600);

    public ulong TallyDelay(ulong signUps, ulong messages)
    {
        var sum = SatAdd(SatAdd(BaseDelay, SatMul(signUps, SignupDelay)), SatMul(messages, MessageDelay));
        return SatMul(sum, TallyDelayMultiplier);
    }

    private static ulong SatAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;

    private static ulong SatMul(ulong a, ulong b)
    {
        var p = (UInt128)a * b;
        return p > ulong.MaxValue ? ulong.MaxValue : (ulong)p;
    }
}
