using Maci.Modules.Insurance.Types;
using Maci.Sdk;

namespace Maci.Insurance.Tests.Support;

/// <summary>A stand-in for the rounds module: rounds by id, editable by the test.</summary>
public sealed class FakeRounds : IRoundInfoSource
{
    private readonly SortedDictionary<ulong, RoundInfo> _rounds = new();

    public RoundInfo? GetRound(Context ctx, ulong roundId) => _rounds.GetValueOrDefault(roundId);

    public bool OperatorHasOpenRound(Context ctx, ReadOnlySpan<byte> operatorAddress)
    {
        foreach (var r in _rounds.Values)
            if (r.Status != RoundStatus.Ended && r.Operator.AsSpan().SequenceEqual(operatorAddress)) return true;
        return false;
    }

    public RoundInfo Add(RoundInfo round)
    {
        _rounds[round.RoundId] = round;
        return round;
    }

    public void Update(ulong roundId, Func<RoundInfo, RoundInfo> change) => _rounds[roundId] = change(_rounds[roundId]);

    public void Remove(ulong roundId) => _rounds.Remove(roundId);
}
