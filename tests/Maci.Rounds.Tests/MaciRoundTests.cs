using Maci.Crypto.Amaci;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

/// <summary>
/// Dora's non-anonymous MACI 2-1-1-5 fixture (tests/fixtures/dora-maci) replayed through the module: the chain rebuilds
/// the words the fixture's proofs were made for and accepts both proofs against the keys of the round's time
/// (dora-maci/vkeys-2e16364.json); the later upstream keys (vkeys.json, gamma = delta) load only with
/// allow_gamma_equal_delta and refuse them (fixtures README, "MACI fixture proofs").
/// </summary>
public sealed class MaciRoundTests
{
    [Fact]
    public void Maci_round_replays_with_both_proofs_accepted_and_the_fixture_results()
    {
        using var s = new AmaciScenario(p => p.Circuits.Add(MaciFixtureRound.Keys()));
        var fx = Fixture(s);
        var id = CreateAndVote(s, fx);
        var process = fx.Nth("processMessage");
        var tally = fx.Nth("processTally");

        // The words the chain hashes are the fixture's: packed values, coordinator hash, batch hashes, commitments.
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var state = s.Chain.State(id);
        Assert.Equal(((System.Numerics.BigInteger.One << 64) + (2UL << 32) + 5).ToString(), process.Inputs[0]);
        Assert.Equal(process.Inputs[1], state.CoordinatorHash);
        Assert.Equal(AmaciHashes.PublicKeyHash(MaciFixtureRound.Coordinator).ToString(), state.CoordinatorHash);
        Assert.Equal(process.Inputs[2], s.Chain.Keeper.GetMsgHash(ctx, id, 0).ToString());
        Assert.Equal(process.Inputs[3], s.Chain.Keeper.GetMsgHash(ctx, id, 2).ToString());
        Assert.Equal(process.Inputs[4], state.CurrentStateCommitment);

        var newState = process.Data.Str("newStateCommitment");
        // A wrong commitment changes the hashed words; a proof for another circuit does not verify either.
        s.Chain.Fails(Tamper.With(fx.ProcessMessage(), m => m.NewStateCommitment = "1"), InvalidProof);
        s.Chain.Fails(Tamper.With(fx.ProcessMessage(), m => m.Proof = fx.ProcessTally().Proof), InvalidProof);
        s.Chain.Ok<MsgProcessMessageResponse>(fx.ProcessMessage());
        s.Chain.Fails(fx.ProcessMessage(), NothingToProcess);
        Assert.Equal(newState, s.Chain.State(id).CurrentStateCommitment);
        Assert.Equal(2UL, s.Chain.State(id).ProcessedMsgCount);

        s.Chain.Ok<MsgStopProcessingPeriodResponse>(fx.StopProcessing());
        Assert.Equal((2UL << 32).ToString(), tally.Inputs[0]);
        Assert.Equal(tally.Inputs[1], s.Chain.State(id).CurrentStateCommitment);
        var newTally = tally.Data.Str("newTallyCommitment");
        s.Chain.Fails(Tamper.With(fx.ProcessTally(), m => m.Proof = fx.ProcessMessage().Proof), InvalidProof);
        s.Chain.Ok<MsgProcessTallyResponse>(fx.ProcessTally());
        Assert.Equal(newTally, s.Chain.State(id).CurrentTallyCommitment);

        s.Chain.Ok<MsgStopTallyingPeriodResponse>(fx.StopTallying());
        var st = s.Chain.State(id);
        Assert.Equal(Period.Ended, st.Period);
        var results = s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), id)!;
        Assert.Equal(MaciFixtureRound.Results, results.Results);
        Assert.Equal(MaciFixtureRound.Total, results.Total);
        Assert.Equal(results.Total, st.TotalResult);

        var admin = s.Chain.Balance(s.Admin);
        var claim = s.Chain.Fails(new MsgClaim { Sender = s.Bech(s.Anyone), RoundId = id }, WrongRoundKind);
        Assert.Contains("withdraw", claim.Log);
        Assert.Equal(AmaciScenario.BaseFee.ToString(), s.Chain.State(id).Escrow);
        s.Chain.Ok<MsgWithdrawResponse>(fx.Withdraw());
        Assert.Equal(admin + AmaciScenario.BaseFee, s.Chain.Balance(s.Admin));
        Assert.Equal("0", s.Chain.State(id).Escrow);
    }

    [Fact]
    public void The_later_upstream_keys_load_only_when_allowed_and_refuse_the_fixture_proofs()
    {
        var strict = Maci.Modules.Rounds.Types.RoundsParams.Default();
        strict.Circuits.Add(MaciFixtureRound.Keys());
        Assert.Null(Maci.Modules.Rounds.Types.RoundsParams.Validate(strict));
        strict.Circuits[0] = DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci);
        Assert.Contains("gamma == delta", Maci.Modules.Rounds.Types.RoundsParams.Validate(strict)!.Log);

        using var s = new AmaciScenario(p =>
        {
            p.AllowGammaEqualDelta = true;
            p.Circuits.Add(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci));
        });
        var fx = Fixture(s);
        var id = CreateAndVote(s, fx);
        Assert.Equal(fx.Nth("processMessage").Inputs[4], s.Chain.State(id).CurrentStateCommitment);
        s.Chain.Fails(fx.ProcessMessage(), InvalidProof);
    }

    private static readonly byte[] MaciOperator = RoundsChain.Address("maci-operator");

    private static MaciFixtureRound Fixture(AmaciScenario s) =>
        new(new AmaciRoundParties(s.Bech(s.Admin), s.Bech(MaciOperator), s.Bech(s.Voter0), s.Bech(s.Voter1), s.Bech(s.Anyone)),
            s.Chain.Keeper.GetFullParams(s.Chain.Ctx(ExecMode.Query)).DefaultFees, RoundsChain.Denom);

    /// <summary>Creates the MACI round (quadratic, 5 options), signs up both fixture keys, publishes both messages and starts processing.</summary>
    private static ulong CreateAndVote(AmaciScenario s, MaciFixtureRound fx)
    {
        s.Chain.RegisterOperator(MaciOperator, MaciFixtureRound.Coordinator);
        var create = fx.CreateMsg(s.Start, s.End);
        s.Chain.Fails(Tamper.With(create, m => m.DeactivateEnabled = true), InvalidRoundConfig);
        fx.RoundId = s.Chain.Ok<MsgCreateRoundResponse>(create).RoundId;

        s.Chain.Now = s.Start;
        for (var i = 0; i < 2; i++)
            s.Chain.Ok<MsgSignUpResponse>(fx.SignUp(i));
        for (var i = 0; i < fx.MessageCount; i++)
            s.Chain.Ok<MsgPublishMessageResponse>(fx.Publish(i));
        // MACI voting excludes its end second; MACI charges no fees.
        s.Chain.Now = s.End;
        s.Chain.Fails(new MsgPublishMessage { Sender = s.Bech(s.Anyone), RoundId = fx.RoundId, Messages = { new Message() }, EncPubKeys = { Tamper.Key(5) } }, OutsideVoting);
        s.Chain.Ok<MsgStartProcessPeriodResponse>(fx.StartProcess());
        Assert.Equal(Period.Processing, s.Chain.State(fx.RoundId).Period);
        return fx.RoundId;
    }

    [Fact]
    public void Maci_rounds_take_bonds_refuse_key_changes_and_pay_the_escrow_to_the_admin_once_ended()
    {
        using var s = new AmaciScenario(p => p.Circuits.Add(MaciFixtureRound.Keys()));
        var fx = Fixture(s);
        var id = CreateAndVote(s, fx);
        // Deactivation and key change do not exist in MACI rounds.
        s.Chain.Fails(Tamper.With(s.AddNewKey(), m => m.RoundId = id), WrongRoundKind);

        // Bond adds to the escrow; withdraw waits for Ended and pays the admin.
        s.Chain.Fails(fx.Bond("0"), InvalidAmount);
        s.Chain.Ok<MsgBondResponse>(fx.Bond("500"));
        Assert.Equal($"{AmaciScenario.BaseFee + 500}", s.Chain.State(id).Escrow);
        s.Chain.Fails(fx.Withdraw(), WrongPeriod);
        s.Chain.Fails(new MsgBond { Sender = s.Bech(s.Anyone), RoundId = s.Create(), Amount = RoundsChain.Fee(5) }, WrongRoundKind);
    }

    [Fact]
    public void The_shipped_genesis_opens_MACI_rounds_at_each_size_and_refuses_sizes_it_lacks()
    {
        using var s = new AmaciScenario();
        var genesis = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Maci.TestSupport.RepoPaths.Root, "genesis", "rounds-vkeys.json")))!;
        s.Chain.Module.InitGenesis(s.Chain.Ctx(ExecMode.Genesis), genesis);
        s.Chain.Fund(s.Admin, 1_000_000_000);
        var fees = s.Chain.Keeper.GetFullParams(s.Chain.Ctx(ExecMode.Query)).DefaultFees;
        var fx = new MaciFixtureRound(new AmaciRoundParties(s.Bech(s.Admin), s.Bech(MaciOperator), s.Bech(s.Voter0), s.Bech(s.Voter1), s.Bech(s.Anyone)),
            fees, RoundsChain.Denom);
        s.Chain.RegisterOperator(MaciOperator, MaciFixtureRound.Coordinator);
        foreach (var (state, intState, vote, batch, voters) in new (uint, uint, uint, uint, ulong)[] { (2, 1, 1, 5, 25), (4, 2, 2, 25, 625), (6, 3, 3, 125, 15625) })
        {
            var create = fx.CreateMsg(s.Start, s.End);
            create.CircuitSize = new CircuitSize { StateTreeDepth = state, IntStateTreeDepth = intState, VoteOptionTreeDepth = vote, MessageBatchSize = batch };
            create.MaxVoters = voters;
            var id = s.Chain.Ok<MsgCreateRoundResponse>(create).RoundId;
            Assert.Equal(RoundKind.Maci, s.Chain.Keeper.GetRound(s.Chain.Ctx(ExecMode.Query), id)!.Kind);
        }
        // aMACI's 9-4-3-125 exists, MACI's does not.
        var missing = fx.CreateMsg(s.Start, s.End);
        missing.CircuitSize = new CircuitSize { StateTreeDepth = 9, IntStateTreeDepth = 4, VoteOptionTreeDepth = 3, MessageBatchSize = 125 };
        s.Chain.Fails(missing, UnsupportedCircuit);
    }
}
