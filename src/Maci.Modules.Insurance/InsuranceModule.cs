using System.Text.Json.Nodes;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Json;
using Maci.Sdk.Modules;
using Maci.Sdk.Store;

namespace Maci.Modules.Insurance;

/// <summary>
/// Operator registry, deposits with unbonding, and round insurance with linear slashing. The rounds module reads
/// nothing from here but calls <see cref="Keeper"/> through <see cref="IInsuranceHooks"/>; EndBlock releases matured
/// withdrawals and settles rounds past their hard tally timeout.
/// </summary>
public sealed class InsuranceModule : IModule
{
    private static readonly ProtoJson Json = new();
    private readonly InsuranceGenesis _genesis;

    public InsuranceModule(InsuranceKeeper keeper)
    {
        Keeper = keeper;
        _genesis = new InsuranceGenesis(keeper);
        MsgRoutes = new InsuranceMsgServer(keeper).Routes;
        QueryRoutes = new InsuranceQueryServer(keeper).Routes;
        Invariants = new InsuranceInvariants(keeper).All;
    }

    public InsuranceKeeper Keeper { get; }

    /// <summary>The hooks the rounds module calls (the keeper itself).</summary>
    public IInsuranceHooks Hooks => Keeper;

    public string Name => Keys.ModuleName;

    public StoreKey StoreKey => Keys.StoreKey;

    public IReadOnlyList<ErrorCode> Errors => InsuranceErrors.All;

    public IReadOnlyList<MsgRoute> MsgRoutes { get; }

    public IReadOnlyList<QueryRoute> QueryRoutes { get; }

    public IReadOnlyList<Invariant> Invariants { get; }

    public JsonNode DefaultGenesis() => Json.ToNode(InsuranceGenesis.Default());

    public SdkError? ValidateGenesis(JsonNode genesis) =>
        TryParse(genesis, out var g) is { } err ? err : _genesis.Validate(g);

    public void InitGenesis(Context ctx, JsonNode genesis)
    {
        if (ValidateGenesis(genesis) is { } err) throw new InvalidOperationException(err.Log);
        TryParse(genesis, out var g);
        _genesis.Init(ctx, g);
    }

    public JsonNode ExportGenesis(Context ctx) => Json.ToNode(_genesis.Export(ctx));

    public void EndBlock(Context ctx) => Keeper.EndBlock(ctx);

    private static SdkError? TryParse(JsonNode node, out GenesisState state) =>
        Json.TryParse(node, GenesisState.Parser, InsuranceErrors.InvalidGenesis, "insurance genesis", out state);
}
