using System.Text.Json.Nodes;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Auth.Types;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Json;
using Maci.Sdk.Modules;
using Maci.Sdk.Store;

namespace Maci.Modules.Auth;

/// <summary>Accounts, account numbers, sequences and auth params. Its ante chain lives in <see cref="Ante.AnteHandler"/>.</summary>
public sealed class AuthModule : IModule
{
    private static readonly ProtoJson Json = new(BaseAccount.Descriptor, ModuleAccount.Descriptor, PubKey.Descriptor);
    private readonly GenesisSection<GenesisState> _genesis;

    public AuthModule(AccountKeeper keeper)
    {
        Keeper = keeper;
        var genesis = new AuthGenesis(keeper);
        _genesis = new(Json, GenesisState.Parser, SdkErrors.JsonUnmarshal, "auth genesis", AuthGenesis.Default, genesis.Validate, genesis.Init, genesis.Export);
        QueryRoutes = new AuthQueryServer(keeper).Routes;
    }

    public AccountKeeper Keeper { get; }

    public string Name => Keys.ModuleName;

    public StoreKey StoreKey => Keys.StoreKey;

    public IReadOnlyList<ErrorCode> Errors => [];

    public IReadOnlyList<MsgRoute> MsgRoutes => [];

    public IReadOnlyList<QueryRoute> QueryRoutes { get; }

    public IReadOnlyList<Invariant> Invariants => [];

    public JsonNode DefaultGenesis() => _genesis.Default();

    public SdkError? ValidateGenesis(JsonNode genesis) => _genesis.Validate(genesis);

    public void InitGenesis(Context ctx, JsonNode genesis) => _genesis.Init(ctx, genesis);

    public JsonNode ExportGenesis(Context ctx) => _genesis.Export(ctx);
}
