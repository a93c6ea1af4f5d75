using Maci.Modules.Auth;
using Maci.Modules.Auth.Ante;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Insurance;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Rounds;
using Maci.Modules.Rounds.Keeper;
using Maci.Sdk.Addresses;
using Maci.Sdk.Crypto;
using Maci.Sdk.Errors;
using Maci.Sdk.Modules;
using AuthKeys = Maci.Modules.Auth.Types.Keys;
using InsuranceKeys = Maci.Modules.Insurance.Types.Keys;
using RoundsKeys = Maci.Modules.Rounds.Types.Keys;

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
        Accounts = new AccountKeeper(Codec, new Dictionary<string, string[]>
        {
            [AuthKeys.FeeCollectorName] = [], [InsuranceKeys.ModuleAccountName] = [], [RoundsKeys.ModuleAccountName] = [],
        });
        Bank = new BankKeeper(new AccountKeeperBridge(Accounts));
        Auth = new AuthModule(Accounts);
        BankModule = new BankModule(Bank);

        var moduleBank = new ModuleBankBridge(Bank);
        var moduleAccounts = new ModuleAccountsBridge(Accounts);
        Insurance = new InsuranceKeeper(moduleBank, moduleAccounts);
        InsuranceModule = new InsuranceModule(Insurance);
        Rounds = new RoundsKeeper(moduleBank, moduleAccounts, new InsuranceOperatorKeys(Insurance), InsuranceModule.Hooks);
        Insurance.SetRoundInfoSource(Rounds);
        RoundsModule = new RoundsModule(Rounds, moduleBank);

        // Genesis: insurance (operators) before rounds (rounds name their operators). Begin/EndBlock run in the
        // same order: rounds has no block hooks; insurance's EndBlock pays matured unbondings and settles rounds
        // past their hard tally timeout.
        Ordered = [Auth, BankModule, InsuranceModule, RoundsModule];
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
    public InsuranceKeeper Insurance { get; }
    public InsuranceModule InsuranceModule { get; }
    public RoundsKeeper Rounds { get; }
    public RoundsModule RoundsModule { get; }

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
