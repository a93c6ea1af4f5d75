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
    private readonly AuthGenesis _genesis;

    public AuthModule(AccountKeeper keeper)
    {
        Keeper = keeper;
        _genesis = new AuthGenesis(keeper);
        QueryRoutes = new AuthQueryServer(keeper).Routes;
    }

    public AccountKeeper Keeper { get; }

    public string Name => Keys.ModuleName;

    public StoreKey StoreKey => Keys.StoreKey;

    public IReadOnlyList<ErrorCode> Errors => [];

    public IReadOnlyList<MsgRoute> MsgRoutes => [];

    public IReadOnlyList<QueryRoute> QueryRoutes { get; }

    public IReadOnlyList<Invariant> Invariants => [];

    public JsonNode DefaultGenesis() => Json.ToNode(AuthGenesis.Default());

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
        Json.TryParse(node, GenesisState.Parser, SdkErrors.JsonUnmarshal, "auth genesis", out state);
}
