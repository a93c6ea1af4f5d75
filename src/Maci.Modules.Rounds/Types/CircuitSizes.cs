using Maci.Proto.Maci.Rounds.V1;

namespace Maci.Modules.Rounds.Types;

/// <summary>Circuit size helpers ("9-4-3-125" = state depth, int-state depth, vote-option depth, batch size).</summary>
public static class CircuitSizes
{
    public static string Name(CircuitSize s) =>
        $"{s.StateTreeDepth}-{s.IntStateTreeDepth}-{s.VoteOptionTreeDepth}-{s.MessageBatchSize}";

    /// <summary>Null when the size is usable: depths 1..10 (the deactivate tree is two deeper), int depth ≤ state depth, batch ≥ 1.</summary>
    public static string? Validate(CircuitSize s)
    {
        if (s.StateTreeDepth is < 1 or > 10) return $"state tree depth {s.StateTreeDepth} must be 1..10";
        if (s.IntStateTreeDepth < 1 || s.IntStateTreeDepth > s.StateTreeDepth) return $"int state tree depth {s.IntStateTreeDepth} must be 1..state depth";
        if (s.VoteOptionTreeDepth is < 1 or > 10) return $"vote option tree depth {s.VoteOptionTreeDepth} must be 1..10";
        if (s.MessageBatchSize is < 1 or > 10_000) return $"message batch size {s.MessageBatchSize} must be 1..10000";
        return null;
    }

    public static ulong Pow5(uint exponent)
    {
        ulong r = 1;
        for (var i = 0u; i < exponent; i++) r = checked(r * 5);
        return r;
    }
}
