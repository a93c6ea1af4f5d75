using Maci.Abci.App;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Modules.Auth;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Insurance;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Insurance.Types;
using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;
using Maci.Sdk.Modules;
using Maci.Storage;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Insurance.Tests.Support;

/// <summary>
/// The insurance module with the real auth and bank keepers over an in-memory commit store. Messages and hook
/// calls run the way the app runs a transaction: on a branch of the block's working set, written only on success.
/// </summary>
public sealed class InsuranceChain : IDisposable
{
    public const string Denom = "umaci";
    public const string MintModule = "mint";

    private readonly CommitStore _store = CommitStore.InMemory();
    private readonly Dictionary<string, MsgRoute> _routes = new(StringComparer.Ordinal);

    public InsuranceChain(Params? parameters = null)
    {
        _store.RegisterModule(Maci.Modules.Auth.Types.Keys.ModuleName);
        _store.RegisterModule(Maci.Modules.Bank.Types.Keys.ModuleName);
        _store.RegisterModule(Keys.ModuleName);
        Codec = new AddressCodec("maci");
        Accounts = new AccountKeeper(Codec, new Dictionary<string, string[]>
        {
            [Maci.Modules.Auth.Types.Keys.FeeCollectorName] = [], [MintModule] = ["minter"], [Keys.ModuleAccountName] = [],
        });
        Bank = new BankKeeper(new AccountKeeperBridge(Accounts));
        Keeper = new InsuranceKeeper(new ModuleBankBridge(Bank), new ModuleAccountsBridge(Accounts));
        Keeper.SetRoundInfoSource(Rounds);
        Module = new InsuranceModule(Keeper);
        foreach (var r in Module.MsgRoutes) _routes.Add(r.TypeUrl, r);
        BankInvariants = new BankInvariants(Bank);
        Params = parameters ?? TestParams();
        var ctx = Ctx(ExecMode.Genesis);
        Keeper.SetParams(ctx, Params);
    }

    /// <summary>Small round numbers so amounts in tests are easy to check by hand.</summary>
    public static Params TestParams() => new()
    {
        Denom = Denom, MinDeposit = "1000", UnbondingPeriodSeconds = 100, VotingPartBps = 5_000,
        DeactivateSlashBps = 500, LateTallySlashBps = 5_000, TallyTimeoutSeconds = 172_800,
    };

    public AddressCodec Codec { get; }
    public AccountKeeper Accounts { get; }
    public BankKeeper Bank { get; }
    public InsuranceKeeper Keeper { get; }
    public InsuranceModule Module { get; }
    public BankInvariants BankInvariants { get; }
    public FakeRounds Rounds { get; } = new();
    public Params Params { get; }
    public IHooks Hooks => new HookRunner(this);

    public long Now { get; set; } = 1_000_000;
    public long Height { get; private set; } = 1;

    public List<Event> LastEvents { get; private set; } = [];

    public Context Ctx(ExecMode mode = ExecMode.Finalize) => new()
    {
        State = _store.Working, ChainId = "maci-test-1", BlockHeight = Height, BlockTimeSeconds = Now, Mode = mode,
    };

    public static byte[] Address(string seed) => SHA256.HashData(Encoding.UTF8.GetBytes(seed))[..20];

    public string Bech(byte[] raw) => Codec.Encode(raw);

    public void Fund(byte[] address, UInt128 amount)
    {
        var ctx = Ctx();
        Bank.MintCoins(ctx, MintModule, Coins.Of(new Coin(Denom, amount)));
        Assert.Null(Bank.SendCoinsFromModuleToAccount(ctx, MintModule, address, Coins.Of(new Coin(Denom, amount))));
    }

    public UInt128 Balance(byte[] address) => Bank.GetBalance(Ctx(ExecMode.Query), address, Denom);

    public UInt128 ModuleBalance => Balance(Keeper.ModuleAddress);

    public UInt128 Supply => Bank.GetSupply(Ctx(ExecMode.Query), Denom);

    public Operator Operator(byte[] address) => Keeper.GetOperator(Ctx(ExecMode.Query), address) ?? throw new KeyNotFoundException("no operator");

    public Policy Policy(ulong round) => Keeper.GetPolicy(Ctx(ExecMode.Query), round) ?? throw new KeyNotFoundException("no policy");

    /// <summary>Runs one message like the tx runner: ValidateBasic, then the handler on a branch kept only on success.</summary>
    public MsgResult Deliver(IMessage msg)
    {
        var route = _routes["/" + msg.Descriptor.FullName];
        if (route.ValidateBasic(msg) is { } invalid)
        {
            LastEvents = [];
            return invalid;
        }
        var branch = Ctx().Branch();
        var result = route.Handle(branch, msg);
        LastEvents = [.. branch.Events.Events];
        if (result.IsOk) branch.State.Write();
        return result;
    }

    /// <summary>Delivers and asserts success.</summary>
    public IMessage Ok(IMessage msg)
    {
        var r = Deliver(msg);
        Assert.True(r.IsOk, r.Error?.ToString());
        return r.Response!;
    }

    /// <summary>Delivers, asserts the given error code and that no state changed at all.</summary>
    public SdkError Fails(IMessage msg, ErrorCode expected)
    {
        var before = Dump();
        var r = Deliver(msg);
        Assert.False(r.IsOk, $"expected {expected} but the message succeeded");
        Assert.Equal(expected, r.Error!.Code);
        Assert.Equal(before, Dump());
        return r.Error;
    }

    public void EndBlock()
    {
        var ctx = Ctx();
        Module.EndBlock(ctx);
        LastEvents = [.. ctx.Events.Events];
        Height++;
    }

    /// <summary>Every key and value of the three module stores, for before/after comparisons.</summary>
    public List<string> Dump()
    {
        var list = new List<string>();
        foreach (var name in new[] { "auth", "bank", Keys.ModuleName })
        {
            using var it = _store.Working.Module(name).Iterate([], []);
            for (; it.Valid; it.Next()) list.Add($"{name}:{Convert.ToHexString(it.Key)}={Convert.ToHexString(it.Value)}");
        }
        return list;
    }

    /// <summary>All insurance and bank invariants hold.</summary>
    public void AssertInvariants()
    {
        var ctx = Ctx(ExecMode.Query);
        foreach (var inv in Module.Invariants.Concat(BankInvariants.All))
        {
            var violation = inv.Check(ctx);
            Assert.True(violation is null, $"{inv.Module}/{inv.Name}: {violation}");
        }
    }

    // ---- builders ----

    /// <summary>k·Base8: a valid coordinator key for k in 1..l−1.</summary>
    public static PubKey Key(ulong k)
    {
        var p = BabyJubjubPoint.Multiply(BabyJubjubPoint.Base8, [k, 0, 0, 0]);
        return new PubKey { X = p.X.ToString(), Y = p.Y.ToString() };
    }

    public static InsuranceTerms Terms(ulong num, ulong den, UInt128 min, UInt128 max) => new()
    {
        LossRatioNumerator = num, LossRatioDenominator = den, MinPremium = min.ToString(), MaxPremium = max.ToString(),
    };

    public static ProtoCoin C(UInt128 amount, string denom = Denom) => new() { Denom = denom, Amount = amount.ToString() };

    public MsgRegisterOperator Register(byte[] op, ulong keyScalar, UInt128 deposit, InsuranceTerms? terms = null) => new()
    {
        Operator = Bech(op), Moniker = "op", Website = "https://op.example", Identity = "", PubKey = Key(keyScalar),
        Deposit = C(deposit), Terms = terms ?? Terms(1, 10, 1, 1_000_000_000),
    };

    public MsgBuyInsurance Buy(byte[] owner, ulong round, byte[] op, UInt128 premium) => new()
    {
        Buyer = Bech(owner), RoundId = round, Operator = Bech(op), Premium = C(premium),
    };

    /// <summary>A round owned by <paramref name="owner"/> and coordinated by <paramref name="op"/>, voting [Now+100, Now+1100].</summary>
    public RoundInfo AddRound(ulong id, byte[] owner, byte[] op, ulong signUps = 10, ulong messages = 20) =>
        Rounds.Add(new RoundInfo(id, owner, op, Now + 100, Now + 1100, RoundStatus.Pending, signUps, messages, RoundDelays.DoraDefaults));

    public void Dispose() => _store.Dispose();

    /// <summary>Hook calls as the rounds module makes them: inside its transaction branch.</summary>
    public interface IHooks
    {
        SdkError? Published(ulong round, ulong count);
        SdkError? Processed(ulong round, ulong count);
        SdkError? Tally(ulong round);
        SdkError? Ended(ulong round);
    }

    private sealed class HookRunner(InsuranceChain chain) : IHooks
    {
        private SdkError? Run(Func<Context, SdkError?> call)
        {
            var branch = chain.Ctx().Branch();
            var err = call(branch);
            chain.LastEvents = [.. branch.Events.Events];
            if (err is null) branch.State.Write();
            return err;
        }

        public SdkError? Published(ulong round, ulong count) => Run(c => chain.Module.Hooks.DeactivateMessagesPublished(c, round, count, chain.Now));
        public SdkError? Processed(ulong round, ulong count) => Run(c => chain.Module.Hooks.DeactivateMessagesProcessed(c, round, count, chain.Now));
        public SdkError? Tally(ulong round) => Run(c => chain.Module.Hooks.TallyFinished(c, round, chain.Now));
        public SdkError? Ended(ulong round) => Run(c => chain.Module.Hooks.RoundEnded(c, round, chain.Now));
    }
}
