using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

/// <summary>Genesis: params (with circuit keys) and the next round id. Rounds themselves are not exported yet.</summary>
public sealed class RoundsGenesis(RoundsKeeper keeper)
{
    public static GenesisState Default() => new() { Params = RoundsParams.Default(), NextRoundId = 1 };

    public SdkError? Validate(GenesisState g)
    {
        if (g.Params is null) return RoundsErrors.InvalidGenesis.Wrap("params are missing");
        if (g.NextRoundId == 0) return RoundsErrors.InvalidGenesis.Wrap("next_round_id must be at least 1");
        return RoundsParams.Validate(g.Params) is { } e ? RoundsErrors.InvalidGenesis.Wrap(e.Log) : null;
    }

    public void Init(Context ctx, GenesisState g)
    {
        keeper.SetParams(ctx, g.Params);
        keeper.SetNextRoundId(ctx, g.NextRoundId);
    }

    public GenesisState Export(Context ctx) => new() { Params = keeper.GetFullParams(ctx), NextRoundId = keeper.GetNextRoundId(ctx) };
}
