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
    private readonly RoundsGenesis _genesis;

    public RoundsModule(RoundsKeeper keeper, IRoundsBank bank)
    {
        Keeper = keeper;
        Invariants = new RoundsInvariants(keeper, bank).All;
        _genesis = new RoundsGenesis(keeper);
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

    public JsonNode DefaultGenesis() => Json.ToNode(RoundsGenesis.Default());

    public SdkError? ValidateGenesis(JsonNode genesis) => TryParse(genesis, out var g) is { } err ? err : _genesis.Validate(g);

    public void InitGenesis(Context ctx, JsonNode genesis)
    {
        if (ValidateGenesis(genesis) is { } err) throw new InvalidOperationException(err.Log);
        TryParse(genesis, out var g);
        _genesis.Init(ctx, g);
    }

    public JsonNode ExportGenesis(Context ctx) => Json.ToNode(_genesis.Export(ctx));

    private static SdkError? TryParse(JsonNode node, out GenesisState state) =>
        Json.TryParse(node, GenesisState.Parser, RoundsErrors.InvalidGenesis, "rounds genesis", out state);
}
