using Google.Protobuf;
using Maci.Crypto.Amaci;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Modules.Rounds.Types;
using Maci.Sdk.Modules;

namespace Maci.Rounds.Tests.Support;

/// <summary>
/// Dora's 2-1-1-5 aMACI round (<see cref="DoraAmaciRound"/>) on the module-level chain with named parties. Voting runs
/// [Start, End]; small test fees make the escrow easy to check by hand.
/// </summary>
public sealed class AmaciScenario : IDisposable
{
    public const ulong BaseFee = 1000, MessageFee = 10, SignupFee = 5, DeactivateFee = 100;

    public static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(DoraAmaciRound.CoordinatorPrivateKey);

    public readonly byte[] Admin = RoundsChain.Address("admin");
    public readonly byte[] Operator = RoundsChain.Address("operator");
    public readonly byte[] FeeRecipient = RoundsChain.Address("fee-recipient");
    public readonly byte[] Voter0 = RoundsChain.Address("voter-0");
    public readonly byte[] Voter1 = RoundsChain.Address("voter-1");
    public readonly byte[] Anyone = RoundsChain.Address("anyone");

    public AmaciScenario(Action<Params>? tweak = null)
    {
        var p = RoundsParams.Default();
        p.Denom = RoundsChain.Denom;
        p.DefaultFees = new FeeConfig { BaseFee = $"{BaseFee}", MessageFee = $"{MessageFee}", SignupFee = $"{SignupFee}", DeactivateFee = $"{DeactivateFee}" };
        p.FeeRecipient = new Maci.Sdk.Addresses.AddressCodec("maci").Encode(FeeRecipient);
        p.Circuits.Add(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci));
        tweak?.Invoke(p);
        Chain = new RoundsChain(p);
        Entries = Dora.Entries;
        Chain.RegisterOperator(Operator, Coordinator.PublicKey);
        foreach (var a in new[] { Admin, Voter0, Voter1, Anyone }) Chain.Fund(a, 1_000_000);
        Start = Chain.Now + 100;
        End = Chain.Now + 1100;
    }

    public RoundsChain Chain { get; }
    public DoraAmaciRound Dora { get; } = new();
    public List<DoraFixture.Entry> Entries { get; }
    public long Start { get; }
    public long End { get; }
    public ulong RoundId { get; private set; }

    /// <summary>Drives an existing round (e.g. one imported through genesis) instead of creating one.</summary>
    public void UseRound(ulong roundId) => RoundId = roundId;

    public string Bech(byte[] a) => Chain.Bech(a);

    public DoraFixture.Entry Nth(string type, int n = 0) => Dora.Nth(type, n);

    public MsgCreateRound CreateMsg()
    {
        var m = new MsgCreateRound
        {
            Creator = Bech(Admin), Kind = RoundKind.Amaci, Operator = Bech(Operator),
            Info = new RoundText { Title = "Dora 2-1-1-5", Description = "fixture replay", Link = "" },
            VotingStart = Start, VotingEnd = End, CircuitType = CircuitType.Quadratic,
            CircuitSize = DoraAmaciRound.Size,
            MaxVotesPerOption = 0, VoiceCreditMode = new VoiceCreditMode { UnifiedAmount = "100" },
            RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist() },
            DeactivateEnabled = true, Fee = RoundsChain.Fee(BaseFee),
        };
        m.VoteOptions.AddRange(["a", "b", "c", "d", "e"]);
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Bech(Voter0) });
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Bech(Voter1) });
        return m;
    }

    public ulong Create()
    {
        RoundId = Chain.Ok<MsgCreateRoundResponse>(CreateMsg()).RoundId;
        return RoundId;
    }

    public MsgSignUp SignUp(int i) => Dora.SignUp(i, Bech(i == 0 ? Voter0 : Voter1), RoundId, RoundsChain.Fee(SignupFee));

    public MsgPublishDeactivateMessage Deactivate(int i) => Dora.Deactivate(i, Bech(Anyone), RoundId, RoundsChain.Fee(DeactivateFee));

    public MsgProcessDeactivateMessage ProcessDeactivate() => Dora.ProcessDeactivate(Bech(Operator), RoundId);

    public MsgAddNewKey AddNewKey() => Dora.AddNewKey(Bech(Anyone), RoundId, RoundsChain.Fee(SignupFee));

    public MsgPublishMessage Publish(int i) => Dora.Publish(i, Bech(Anyone), RoundId, RoundsChain.Fee(MessageFee));

    public MsgStartProcessPeriod StartProcess() => new() { Sender = Bech(Anyone), RoundId = RoundId };

    public MsgProcessMessage ProcessMessage() => Dora.ProcessMessage(Bech(Operator), RoundId);

    public MsgStopProcessingPeriod StopProcessing() => new() { Sender = Bech(Anyone), RoundId = RoundId };

    public MsgProcessTally ProcessTally() => Dora.ProcessTally(Bech(Operator), RoundId);

    public MsgStopTallyingPeriod StopTallying() => Dora.StopTallying(Bech(Operator), RoundId);

    public MsgClaim Claim() => new() { Sender = Bech(Anyone), RoundId = RoundId };

    /// <summary>The round's steps in fixture order with the block time each runs at.</summary>
    public IReadOnlyList<(string Name, long Time, Func<IMessage> Msg)> Steps() =>
    [
        ("sign up 0", Start, () => SignUp(0)),
        ("sign up 1", Start + 1, () => SignUp(1)),
        ("deactivate 0", Start + 2, () => Deactivate(0)),
        ("deactivate 1", Start + 3, () => Deactivate(1)),
        ("process deactivate", Start + 60, ProcessDeactivate),
        ("add new key", Start + 70, AddNewKey),
        ("publish 0", Start + 80, () => Publish(0)),
        ("publish 1", Start + 81, () => Publish(1)),
        ("publish 2", End, () => Publish(2)),
        ("start processing", End + 1, StartProcess),
        ("process messages", End + 2, ProcessMessage),
        ("stop processing", End + 3, StopProcessing),
        ("process tally", End + 4, ProcessTally),
        ("stop tallying", End + 5, StopTallying),
    ];

    /// <summary>Runs every step (optionally from <paramref name="from"/>), asserting success.</summary>
    public void RunSteps(int from = 0, int to = int.MaxValue)
    {
        var steps = Steps();
        for (var i = from; i < Math.Min(to, steps.Count); i++)
        {
            Chain.Now = steps[i].Time;
            var r = Chain.Deliver(steps[i].Msg());
            Assert.True(r.IsOk, $"{steps[i].Name}: {r.Error}");
        }
    }

    public MsgResult Run(IMessage m) => Chain.Deliver(m);

    public void Dispose() => Chain.Dispose();
}
