using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    RoundInfo? IRoundInfoSource.GetRound(Context ctx, ulong roundId) => GetRoundInfo(ctx, roundId);

    /// <summary>The insurance module's view of a round, or null.</summary>
    public RoundInfo? GetRoundInfo(Context ctx, ulong roundId)
    {
        if (GetRound(ctx, roundId) is not { } round) return null;
        var state = GetRoundState(ctx, roundId) ?? throw new InvalidDataException($"round {roundId} has no state record");
        return ToRoundInfo(round, state);
    }

    internal RoundInfo ToRoundInfo(Round round, RoundState state)
    {
        Accounts.Codec.TryDecode(round.Admin, out var admin);
        Accounts.Codec.TryDecode(round.Operator, out var op);
        var d = round.Delays;
        return new RoundInfo(round.Id, admin, op, round.VotingStart, round.VotingEnd, (RoundStatus)(int)state.Period,
            state.NumSignUps, state.MsgChainLength, new RoundDelays(d.BaseDelay, d.SignupDelay, d.MessageDelay, d.DeactivateDelay));
    }

    public bool OperatorHasOpenRound(Context ctx, ReadOnlySpan<byte> operatorAddress)
    {
        var prefix = Types.Keys.ByOperatorPrefixOf(operatorAddress);
        var ids = new List<ulong>();
        using (var it = Store(ctx).Iterate(prefix, Types.Keys.PrefixEnd(prefix)))
            for (; it.Valid; it.Next()) ids.Add(Types.Keys.TrailingRoundId(it.Key));
        foreach (var id in ids)
            if (GetRoundState(ctx, id) is { } s && s.Period != Period.Ended) return true;
        return false;
    }

    /// <summary>Round ids by operator, admin or period (ascending), from the index keys.</summary>
    public List<ulong> RoundIds(Context ctx, byte[] prefix)
    {
        var ids = new List<ulong>();
        using var it = Store(ctx).Iterate(prefix, Types.Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) ids.Add(Types.Keys.TrailingRoundId(it.Key));
        return ids;
    }
}
