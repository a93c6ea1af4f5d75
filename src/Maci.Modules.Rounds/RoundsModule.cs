using System.Text.Json.Nodes;
using Maci.Modules.Rounds.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Json;
using Maci.Sdk.Modules;
using Maci.Sdk.Store;

namespace Maci.Modules.Rounds;

/// <summary>
/// MACI and aMACI voting rounds as a native module: round lifecycle, message chains, sparse state trees and on-node
/// Groth16 verification of every batch proof. Reports to the insurance module through its hooks and serves it the
/// <see cref="Insurance.Types.IRoundInfoSource"/> view (the keeper).
/// </summary>
public sealed class RoundsModule : IModule
{
    private static readonly ProtoJson Json = new();
    private readonly GenesisSection<GenesisState> _genesis;

    public RoundsModule(RoundsKeeper keeper, IRoundsBank bank)
    {
        Keeper = keeper;
        Invariants = new RoundsInvariants(keeper, bank).All;
        var genesis = new RoundsGenesis(keeper);
        _genesis = new(Json, GenesisState.Parser, RoundsErrors.InvalidGenesis, "rounds genesis", RoundsGenesis.Default, genesis.Validate, genesis.Init, genesis.Export);
        MsgRoutes = new RoundsMsgServer(keeper).Routes;
        QueryRoutes = new RoundsQueryServer(keeper).Routes;
    }

    public RoundsKeeper Keeper { get; }

    public string Name => Keys.ModuleName;

    public StoreKey StoreKey => Keys.StoreKey;

    public IReadOnlyList<ErrorCode> Errors => RoundsErrors.All;

    public IReadOnlyList<MsgRoute> MsgRoutes { get; }

    public IReadOnlyList<QueryRoute> QueryRoutes { get; }

    public IReadOnlyList<Invariant> Invariants { get; }

    public JsonNode DefaultGenesis() => _genesis.Default();

    public SdkError? ValidateGenesis(JsonNode genesis) => _genesis.Validate(genesis);

    public void InitGenesis(Context ctx, JsonNode genesis) => _genesis.Init(ctx, genesis);

    public JsonNode ExportGenesis(Context ctx) => _genesis.Export(ctx);
}
