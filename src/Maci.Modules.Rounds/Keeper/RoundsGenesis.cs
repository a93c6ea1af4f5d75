using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>
/// Genesis: params (with circuit keys), the next round id and every round's complete state (format 1, see
/// <see cref="RoundEntries"/>). The module account's balance comes from the bank genesis; the escrow-backed
/// invariant checks it against the imported rounds.
/// </summary>
public sealed class RoundsGenesis(RoundsKeeper keeper)
{
    public static GenesisState Default() => new() { Params = RoundsParams.Default(), NextRoundId = 1, RoundsFormat = RoundEntries.Format };

    public SdkError? Validate(GenesisState g)
    {
        if (g.Params is null) return RoundsErrors.InvalidGenesis.Wrap("params are missing");
        if (g.NextRoundId == 0) return RoundsErrors.InvalidGenesis.Wrap("next_round_id must be at least 1");
        if (RoundsParams.Validate(g.Params) is { } e) return RoundsErrors.InvalidGenesis.Wrap(e.Log);
        if (g.RoundsFormat > RoundEntries.Format || (g.RoundsFormat == 0 && g.Rounds.Count != 0))
            return RoundsErrors.InvalidGenesis.Wrap($"rounds_format {g.RoundsFormat} is not supported (this node reads {RoundEntries.Format})");
        return RoundEntries.Validate(g.Rounds, g.NextRoundId) is { } r ? RoundsErrors.InvalidGenesis.Wrap(r) : null;
    }

    public void Init(Context ctx, GenesisState g)
    {
        keeper.SetParams(ctx, g.Params);
        keeper.SetNextRoundId(ctx, g.NextRoundId);
        var store = RoundsKeeper.Store(ctx);
        foreach (var round in g.Rounds)
            foreach (var entry in round.Entries)
                store.Set(entry.Key.ToByteArray(), entry.Value.ToByteArray());
    }

    public GenesisState Export(Context ctx)
    {
        var g = new GenesisState { Params = keeper.GetFullParams(ctx), NextRoundId = keeper.GetNextRoundId(ctx), RoundsFormat = RoundEntries.Format };
        g.Rounds.AddRange(RoundEntries.Export(RoundsKeeper.Store(ctx)));
        return g;
    }
}
