using Maci.Abci.App;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Insurance;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Rounds;
using Maci.Modules.Rounds.Keeper;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;
using Maci.Sdk.Modules;
using Maci.Storage;
using InsuranceParams = Maci.Proto.Maci.Insurance.V1.Params;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;
using RoundsKeys = Maci.Modules.Rounds.Types.Keys;

namespace Maci.Rounds.Tests.Support;

/// <summary>
/// The rounds module with the real auth, bank and insurance keepers over an in-memory commit store. Messages run
/// as the app runs a transaction: ValidateBasic, then the handler on a branch written only on success.
/// </summary>
public sealed class RoundsChain : IDisposable
{
    public const string Denom = "umaci";
    public const string MintModule = "mint";

    private readonly CommitStore _store = CommitStore.InMemory();
    private readonly Dictionary<string, MsgRoute> _routes = new(StringComparer.Ordinal);

    public RoundsChain(Params parameters)
    {
        foreach (var m in new[] { "auth", "bank", "insurance", RoundsKeys.ModuleName }) _store.RegisterModule(m);
        Codec = new AddressCodec("maci");
        Accounts = new AccountKeeper(Codec, new Dictionary<string, string[]>
        {
            ["fee_collector"] = [], [MintModule] = ["minter"], ["insurance"] = [], [RoundsKeys.ModuleAccountName] = [],
        });
        Bank = new BankKeeper(new AccountKeeperBridge(Accounts));
        var bank = new ModuleBankBridge(Bank);
        var accounts = new ModuleAccountsBridge(Accounts);
        Insurance = new InsuranceKeeper(bank, accounts);
        InsuranceModule = new InsuranceModule(Insurance);
        Hooks = new RecordingHooks(Insurance);
        Keeper = new RoundsKeeper(bank, accounts, new InsuranceOperatorKeys(Insurance), Hooks);
        Insurance.SetRoundInfoSource(Keeper);
        Module = new RoundsModule(Keeper, bank);
        foreach (var r in Module.MsgRoutes.Concat(InsuranceModule.MsgRoutes)) _routes.Add(r.TypeUrl, r);
        var ctx = Ctx(ExecMode.Genesis);
        Insurance.SetParams(ctx, new InsuranceParams
        {
            Denom = Denom, MinDeposit = "1000", UnbondingPeriodSeconds = 100, VotingPartBps = 5_000,
            DeactivateSlashBps = 500, LateTallySlashBps = 5_000, TallyTimeoutSeconds = 172_800,
        });
        Keeper.SetParams(ctx, parameters);
    }

    public AddressCodec Codec { get; }
    public AccountKeeper Accounts { get; }
    public BankKeeper Bank { get; }
    public InsuranceKeeper Insurance { get; }
    public InsuranceModule InsuranceModule { get; }
    public RecordingHooks Hooks { get; }
    public RoundsKeeper Keeper { get; }
    public RoundsModule Module { get; }

    public long Now { get; set; } = 1_000_000;
    public List<Event> LastEvents { get; private set; } = [];

    public Context Ctx(ExecMode mode = ExecMode.Finalize) => new()
    {
        State = _store.Working, ChainId = "maci-test-1", BlockHeight = 1, BlockTimeSeconds = Now, Mode = mode,
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

    public static ProtoCoin Fee(UInt128 amount) => new() { Denom = Denom, Amount = amount.ToString() };

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
        if (result.IsOk)
        {
            branch.State.Write();
            Hooks.Commit();
        }
        else Hooks.Discard();
        return result;
    }

    public T Ok<T>(IMessage msg) where T : IMessage
    {
        var r = Deliver(msg);
        Assert.True(r.IsOk, r.Error?.ToString());
        return (T)r.Response!;
    }

    /// <summary>Delivers, asserts the error code and that no module store changed at all.</summary>
    public SdkError Fails(IMessage msg, ErrorCode expected) => FailsWith(msg, expected);

    /// <summary>Delivers, asserts one of the error codes and that no module store or hook record changed.</summary>
    public SdkError FailsWith(IMessage msg, params ErrorCode[] expected)
    {
        var before = Dump();
        var hooks = Hooks.Calls.Count;
        var r = Deliver(msg);
        Assert.False(r.IsOk, $"expected {string.Join(" or ", expected.Select(e => e.ToString()))} but the message succeeded");
        Assert.Contains(r.Error!.Code, expected);
        Assert.Equal(before, Dump());
        Assert.Equal(hooks, Hooks.Calls.Count);
        return r.Error;
    }

    public List<string> Dump()
    {
        var list = new List<string>();
        foreach (var name in new[] { "auth", "bank", "insurance", RoundsKeys.ModuleName })
        {
            using var it = _store.Working.Module(name).Iterate([], []);
            for (; it.Valid; it.Next()) list.Add($"{name}:{Convert.ToHexString(it.Key)}={Convert.ToHexString(it.Value)}");
        }
        return list;
    }

    public RoundState State(ulong round) => Keeper.GetRoundState(Ctx(ExecMode.Query), round)!;

    public Round Round(ulong round) => Keeper.GetRound(Ctx(ExecMode.Query), round)!;

    /// <summary>Registers <paramref name="op"/> as an insurance operator with this coordinator key.</summary>
    public void RegisterOperator(byte[] op, BabyJubjubPoint coordinator)
    {
        Fund(op, 1_000_000);
        var msg = new Maci.Proto.Maci.Insurance.V1.MsgRegisterOperator
        {
            Operator = Bech(op), Moniker = "op", Website = "https://op.example", Identity = "",
            PubKey = new Maci.Proto.Maci.Insurance.V1.PubKey { X = coordinator.X.ToString(), Y = coordinator.Y.ToString() },
            Deposit = new ProtoCoin { Denom = Denom, Amount = "100000" },
            Terms = new Maci.Proto.Maci.Insurance.V1.InsuranceTerms { LossRatioNumerator = 1, LossRatioDenominator = 10, MinPremium = "1", MaxPremium = "1000000000" },
        };
        var r = Deliver(msg);
        Assert.True(r.IsOk, r.Error?.ToString());
    }

    /// <summary>Every rounds invariant holds.</summary>
    public void AssertInvariants()
    {
        var ctx = Ctx(ExecMode.Query);
        foreach (var inv in Module.Invariants)
            Assert.True(inv.Check(ctx) is null, $"{inv.Module}/{inv.Name}: {inv.Check(ctx)}");
    }

    public void Dispose() => _store.Dispose();
}
