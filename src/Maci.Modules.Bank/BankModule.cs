using System.Text.Json.Nodes;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Bank.Types;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Json;
using Maci.Sdk.Modules;
using Maci.Sdk.Store;

namespace Maci.Modules.Bank;

/// <summary>Balances, transfers (MsgSend, MsgMultiSend), module accounts' funds and total supply.</summary>
public sealed class BankModule : IModule
{
    private static readonly ProtoJson Json = new();
    private readonly GenesisSection<GenesisState> _genesis;

    public BankModule(BankKeeper keeper)
    {
        Keeper = keeper;
        var genesis = new BankGenesis(keeper);
        _genesis = new(Json, GenesisState.Parser, SdkErrors.JsonUnmarshal, "bank genesis", BankGenesis.Default, genesis.Validate, genesis.Init, genesis.Export);
        MsgRoutes = new BankMsgServer(keeper).Routes;
        QueryRoutes = new BankQueryServer(keeper).Routes;
        Invariants = new BankInvariants(keeper).All;
    }

    public BankKeeper Keeper { get; }

    public string Name => Keys.ModuleName;

    public StoreKey StoreKey => Keys.StoreKey;

    public IReadOnlyList<ErrorCode> Errors => BankErrors.All;

    public IReadOnlyList<MsgRoute> MsgRoutes { get; }

    public IReadOnlyList<QueryRoute> QueryRoutes { get; }

    public IReadOnlyList<Invariant> Invariants { get; }

    public JsonNode DefaultGenesis() => _genesis.Default();

    public SdkError? ValidateGenesis(JsonNode genesis) => _genesis.Validate(genesis);

    public void InitGenesis(Context ctx, JsonNode genesis) => _genesis.Init(ctx, genesis);

    public JsonNode ExportGenesis(Context ctx) => _genesis.Export(ctx);
}
