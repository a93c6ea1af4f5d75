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
    private readonly BankGenesis _genesis;

    public BankModule(BankKeeper keeper)
    {
        Keeper = keeper;
        _genesis = new BankGenesis(keeper);
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

    public JsonNode DefaultGenesis() => Json.ToNode(BankGenesis.Default());

    public SdkError? ValidateGenesis(JsonNode genesis) =>
        TryParse(genesis, out var g) is { } err ? err : _genesis.Validate(g);

    public void InitGenesis(Context ctx, JsonNode genesis)
    {
        if (ValidateGenesis(genesis) is { } err) throw new InvalidOperationException(err.Log);
        TryParse(genesis, out var g);
        _genesis.Init(ctx, g);
    }

    public JsonNode ExportGenesis(Context ctx) => Json.ToNode(_genesis.Export(ctx));

    private static SdkError? TryParse(JsonNode node, out GenesisState state) =>
        Json.TryParse(node, GenesisState.Parser, SdkErrors.JsonUnmarshal, "bank genesis", out state);
}
