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
    private readonly GenesisSection<GenesisState> _genesis;

    public InsuranceModule(InsuranceKeeper keeper)
    {
        Keeper = keeper;
        var genesis = new InsuranceGenesis(keeper);
        _genesis = new(Json, GenesisState.Parser, InsuranceErrors.InvalidGenesis, "insurance genesis", InsuranceGenesis.Default, genesis.Validate, genesis.Init, genesis.Export);
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

    public JsonNode DefaultGenesis() => _genesis.Default();

    public SdkError? ValidateGenesis(JsonNode genesis) => _genesis.Validate(genesis);

    public void InitGenesis(Context ctx, JsonNode genesis) => _genesis.Init(ctx, genesis);

    public JsonNode ExportGenesis(Context ctx) => _genesis.Export(ctx);

    public void EndBlock(Context ctx) => Keeper.EndBlock(ctx);
}
