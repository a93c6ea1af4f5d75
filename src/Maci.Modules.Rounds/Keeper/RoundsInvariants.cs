using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Modules;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>Checks over the module's state: escrow backed by the module account, counters consistent.</summary>
public sealed class RoundsInvariants(RoundsKeeper keeper, IRoundsBank bank)
{
    public IReadOnlyList<Invariant> All =>
    [
        new(Keys.ModuleName, "escrow-backed", EscrowBacked),
        new(Keys.ModuleName, "counters", Counters),
    ];

    /// <summary>The module account holds exactly the sum of the rounds' escrows.</summary>
    public string? EscrowBacked(Context ctx)
    {
        UInt128 sum = UInt128.Zero;
        foreach (var (_, state) in States(ctx)) sum += RoundsKeeper.Amount(state.Escrow);
        var held = bank.GetBalance(ctx, keeper.ModuleAddress, keeper.GetParams(ctx).Denom);
        return held == sum ? null : $"module account holds {held} but rounds escrow {sum}";
    }

    /// <summary>Processed counts never exceed chain lengths; the poll id counter is past every round.</summary>
    public string? Counters(Context ctx)
    {
        var next = keeper.GetNextRoundId(ctx);
        foreach (var (id, s) in States(ctx))
        {
            if (id >= next) return $"round {id} is not below next_round_id {next}";
            if (s.ProcessedMsgCount > s.MsgChainLength) return $"round {id}: {s.ProcessedMsgCount} processed of {s.MsgChainLength} messages";
            if (s.ProcessedDmsgCount > s.DmsgChainLength) return $"round {id}: {s.ProcessedDmsgCount} processed of {s.DmsgChainLength} deactivate messages";
        }
        return null;
    }

    private List<(ulong Id, RoundState State)> States(Context ctx)
    {
        var list = new List<(ulong, RoundState)>();
        byte[] prefix = [Keys.RoundStatePrefix];
        using var it = RoundsKeeper.Store(ctx).Iterate(prefix, Keys.PrefixEnd(prefix));
        for (; it.Valid; it.Next()) list.Add((Keys.TrailingRoundId(it.Key), RoundState.Parser.ParseFrom(it.Value)));
        return list;
    }
}
