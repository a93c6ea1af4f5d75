using Google.Protobuf;
using Maci.Crypto.Amaci;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Modules.Rounds.Types;
using Maci.Sdk.Modules;

namespace Maci.Rounds.Tests.Support;

/// <summary>
/// Dora's 2-1-1-5 aMACI round (<see cref="AmaciFixtureRound"/>: poll id 1, quadratic cost, 5 options, 100 voice credits,
/// deactivation on, coordinator key from raw key 111111) on the keeper-level <see cref="RoundsChain"/>. Voting runs
/// [Start, End]; small test fees make the escrow easy to check by hand.
/// </summary>
public sealed class AmaciScenario : IDisposable
{
    public const ulong BaseFee = 1000, MessageFee = 10, SignupFee = 5, DeactivateFee = 100;

    public static readonly MaciKeypair Coordinator = AmaciFixtureRound.Coordinator;

    public readonly byte[] Admin = RoundsChain.Address("admin");
    public readonly byte[] Operator = RoundsChain.Address("operator");
    public readonly byte[] FeeRecipient = RoundsChain.Address("fee-recipient");
    public readonly byte[] Voter0 = RoundsChain.Address("voter-0");
    public readonly byte[] Voter1 = RoundsChain.Address("voter-1");
    public readonly byte[] Anyone = RoundsChain.Address("anyone");

    public AmaciScenario(Action<Params>? tweak = null)
    {
        var p = RoundsParams.Default();
        var fees = new FeeConfig { BaseFee = $"{BaseFee}", MessageFee = $"{MessageFee}", SignupFee = $"{SignupFee}", DeactivateFee = $"{DeactivateFee}" };
        p.Denom = RoundsChain.Denom;
        p.DefaultFees = fees.Clone();
        p.FeeRecipient = new Maci.Sdk.Addresses.AddressCodec("maci").Encode(FeeRecipient);
        p.Circuits.Add(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci));
        tweak?.Invoke(p);
        Chain = new RoundsChain(p);
        Fixture = new AmaciFixtureRound(new AmaciRoundParties(Bech(Admin), Bech(Operator), Bech(Voter0), Bech(Voter1), Bech(Anyone)), fees, RoundsChain.Denom);
        Chain.RegisterOperator(Operator, Coordinator.PublicKey);
        foreach (var a in new[] { Admin, Voter0, Voter1, Anyone }) Chain.Fund(a, 1_000_000);
        Start = Chain.Now + 100;
        End = Chain.Now + 1100;
    }

    public RoundsChain Chain { get; }
    public AmaciFixtureRound Fixture { get; }
    public List<DoraFixture.Entry> Entries => Fixture.Entries;
    public long Start { get; }
    public long End { get; }

    public ulong RoundId
    {
        get => Fixture.RoundId;
        private set => Fixture.RoundId = value;
    }

    /// <summary>Drives an existing round (e.g. one imported through genesis) instead of creating one.</summary>
    public void UseRound(ulong roundId) => RoundId = roundId;

    public string Bech(byte[] a) => Chain.Bech(a);

    public DoraFixture.Entry Nth(string type, int n = 0) => Fixture.Nth(type, n);

    public MsgCreateRound CreateMsg() => Fixture.CreateMsg(Start, End);

    public ulong Create()
    {
        RoundId = Chain.Ok<MsgCreateRoundResponse>(CreateMsg()).RoundId;
        return RoundId;
    }

    public MsgSignUp SignUp(int i) => Fixture.SignUp(i);

    public MsgPublishDeactivateMessage Deactivate(int i) => Fixture.Deactivate(i);

    public MsgProcessDeactivateMessage ProcessDeactivate() => Fixture.ProcessDeactivate();

    public MsgAddNewKey AddNewKey() => Fixture.AddNewKey();

    public MsgPublishMessage Publish(int i) => Fixture.Publish(i);

    public MsgStartProcessPeriod StartProcess() => Fixture.StartProcess();

    public MsgProcessMessage ProcessMessage() => Fixture.ProcessMessage();

    public MsgStopProcessingPeriod StopProcessing() => Fixture.StopProcessing();

    public MsgProcessTally ProcessTally() => Fixture.ProcessTally();

    public MsgStopTallyingPeriod StopTallying() => Fixture.StopTallying();

    public MsgClaim Claim() => Fixture.Claim();

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
