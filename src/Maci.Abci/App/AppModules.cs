using Maci.Modules.Auth;
using Maci.Modules.Auth.Ante;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank;
using Maci.Modules.Bank.Keeper;
using Maci.Sdk.Addresses;
using Maci.Sdk.Crypto;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;
using AuthKeys = Maci.Modules.Auth.Types.Keys;

namespace Maci.Abci.App;

/// <summary>
/// The composition root of the state machine: keepers, modules in their one explicit order (genesis,
/// begin/end block), the error registry (duplicates throw here, at startup) and the routing tables.
/// </summary>
public sealed class AppModules
{
    public AppModules(AppConfig config, ISecp256k1 crypto)
    {
        Codec = new AddressCodec(config.Bech32Prefix);
        Accounts = new AccountKeeper(Codec, new Dictionary<string, string[]> { [AuthKeys.FeeCollectorName] = [] });
        Bank = new BankKeeper(new AccountKeeperBridge(Accounts));
        Auth = new AuthModule(Accounts);
        BankModule = new BankModule(Bank);
        Ordered = [Auth, BankModule];
        Signatures = new SignatureCache(crypto);
        Ante = new AnteHandler(Accounts, new FeeBankBridge(Bank), crypto, config.AnteOptions(), Signatures);

        Errors = new ErrorRegistry().RegisterAll(SdkErrors.All);
        var msgs = new Dictionary<string, (MsgRoute, string)>(StringComparer.Ordinal);
        var queries = new Dictionary<string, QueryRoute>(StringComparer.Ordinal);
        foreach (var m in Ordered)
        {
            Errors.RegisterAll(m.Errors);
            foreach (var r in m.MsgRoutes)
                if (!msgs.TryAdd(r.TypeUrl, (r, m.Name)))
                    throw new InvalidOperationException($"message type {r.TypeUrl} is routed twice");
            foreach (var q in m.QueryRoutes)
                if (!queries.TryAdd(q.Path, q))
                    throw new InvalidOperationException($"query path {q.Path} is routed twice");
        }
        MsgRoutes = msgs;
        QueryRoutes = queries;
    }

    public AddressCodec Codec { get; }
    public AccountKeeper Accounts { get; }
    public BankKeeper Bank { get; }
    public AuthModule Auth { get; }
    public BankModule BankModule { get; }

    /// <summary>Modules in execution order.</summary>
    public IReadOnlyList<IModule> Ordered { get; }

    public ErrorRegistry Errors { get; }
    public AnteHandler Ante { get; }
    public SignatureCache Signatures { get; }

    /// <summary>Type URL → (route, owning module name).</summary>
    public IReadOnlyDictionary<string, (MsgRoute Route, string Module)> MsgRoutes { get; }

    public IReadOnlyDictionary<string, QueryRoute> QueryRoutes { get; }

    public IEnumerable<Invariant> Invariants => Ordered.SelectMany(m => m.Invariants);
}
