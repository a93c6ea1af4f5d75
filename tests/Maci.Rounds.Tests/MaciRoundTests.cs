using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
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
    /// <summary>The coordinator key of Dora's MACI contract tests; its hash is the fixture process proof's coordinator word.</summary>
    private static readonly BabyJubjubPoint Coordinator = new(
        Fr.Parse("3557592161792765812904087712812111121909518311142005886657252371904276697771"),
        Fr.Parse("4363822302427519764561660537570341277214758164895027920046745209970137856681"));

    [Fact]
    public void Maci_round_replays_with_both_proofs_accepted_and_the_fixture_results()
    {
        using var s = new AmaciScenario(p => p.Circuits.Add(RoundKeys()));
        var entries = DoraFixture.Round("dora-maci");
        var id = CreateAndVote(s, entries);
        var process = entries.Single(e => e.Type == "processMessage");
        var tally = entries.Single(e => e.Type == "processTally");

        // The words the chain hashes are the fixture's: packed values, coordinator hash, batch hashes, commitments.
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var state = s.Chain.State(id);
        Assert.Equal(((System.Numerics.BigInteger.One << 64) + (2UL << 32) + 5).ToString(), process.Inputs[0]);
        Assert.Equal(process.Inputs[1], state.CoordinatorHash);
        Assert.Equal(AmaciHashes.PublicKeyHash(Coordinator).ToString(), state.CoordinatorHash);
        Assert.Equal(process.Inputs[2], s.Chain.Keeper.GetMsgHash(ctx, id, 0).ToString());
        Assert.Equal(process.Inputs[3], s.Chain.Keeper.GetMsgHash(ctx, id, 2).ToString());
        Assert.Equal(process.Inputs[4], state.CurrentStateCommitment);

        var newState = process.Data.Str("newStateCommitment");
        var proof = DoraFixture.Proof(process.Data);
        // A wrong commitment changes the hashed words; a proof for another circuit does not verify either.
        s.Chain.Fails(Process(s, id, "1", proof), InvalidProof);
        s.Chain.Fails(Process(s, id, newState, DoraFixture.Proof(tally.Data)), InvalidProof);
        s.Chain.Ok<MsgProcessMessageResponse>(Process(s, id, newState, proof));
        s.Chain.Fails(Process(s, id, newState, proof), NothingToProcess);
        Assert.Equal(newState, s.Chain.State(id).CurrentStateCommitment);
        Assert.Equal(2UL, s.Chain.State(id).ProcessedMsgCount);

        s.Chain.Ok<MsgStopProcessingPeriodResponse>(new MsgStopProcessingPeriod { Sender = s.Bech(s.Anyone), RoundId = id });
        Assert.Equal((2UL << 32).ToString(), tally.Inputs[0]);
        Assert.Equal(tally.Inputs[1], s.Chain.State(id).CurrentStateCommitment);
        var newTally = tally.Data.Str("newTallyCommitment");
        s.Chain.Fails(Tally(s, id, newTally, proof), InvalidProof);
        s.Chain.Ok<MsgProcessTallyResponse>(Tally(s, id, newTally, DoraFixture.Proof(tally.Data)));
        Assert.Equal(newTally, s.Chain.State(id).CurrentTallyCommitment);

        var end = entries.Single(e => e.Type == "stopTallyingPeriod").Data;
        var stop = new MsgStopTallyingPeriod { Sender = s.Bech(MaciOperator), RoundId = id, Salt = end.Str("salt") };
        stop.Results.AddRange(DoraFixture.Strings(end.GetProperty("results")));
        s.Chain.Ok<MsgStopTallyingPeriodResponse>(stop);
        var st = s.Chain.State(id);
        Assert.Equal(Period.Ended, st.Period);
        var results = s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), id)!;
        Assert.Equal(["0", "8000000000000000000000064", "6000000000000000000000036", "0", "0"], results.Results);
        Assert.Equal("14000000000000000000000100", results.Total);
        Assert.Equal(results.Total, st.TotalResult);

        var admin = s.Chain.Balance(s.Admin);
        s.Chain.Ok<MsgWithdrawResponse>(new MsgWithdraw { Sender = s.Bech(s.Anyone), RoundId = id });
        Assert.Equal(admin + AmaciScenario.BaseFee, s.Chain.Balance(s.Admin));
        Assert.Equal("0", s.Chain.State(id).Escrow);
    }

    [Fact]
    public void The_later_upstream_keys_load_only_when_allowed_and_refuse_the_fixture_proofs()
    {
        var strict = Maci.Modules.Rounds.Types.RoundsParams.Default();
        strict.Circuits.Add(RoundKeys());
        Assert.Null(Maci.Modules.Rounds.Types.RoundsParams.Validate(strict));
        strict.Circuits[0] = DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci);
        Assert.Contains("gamma == delta", Maci.Modules.Rounds.Types.RoundsParams.Validate(strict)!.Log);

        using var s = new AmaciScenario(p =>
        {
            p.AllowGammaEqualDelta = true;
            p.Circuits.Add(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci));
        });
        var entries = DoraFixture.Round("dora-maci");
        var id = CreateAndVote(s, entries);
        var process = entries.Single(e => e.Type == "processMessage");
        Assert.Equal(process.Inputs[4], s.Chain.State(id).CurrentStateCommitment);
        s.Chain.Fails(Process(s, id, process.Data.Str("newStateCommitment"), DoraFixture.Proof(process.Data)), InvalidProof);
    }

    /// <summary>The 2-1-1-5 keys the fixture's proofs were made for (delta differs from gamma: no override needed).</summary>
    private static CircuitKeys RoundKeys() => DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci, "vkeys-2e16364.json");

    private static readonly byte[] MaciOperator = RoundsChain.Address("maci-operator");

    private static MsgProcessMessage Process(AmaciScenario s, ulong id, string commitment, Groth16Proof proof) =>
        new() { Sender = s.Bech(MaciOperator), RoundId = id, NewStateCommitment = commitment, Proof = proof };

    private static MsgProcessTally Tally(AmaciScenario s, ulong id, string commitment, Groth16Proof proof) =>
        new() { Sender = s.Bech(MaciOperator), RoundId = id, NewTallyCommitment = commitment, Proof = proof };

    /// <summary>Creates the MACI round (quadratic, 5 options), signs up both fixture keys, publishes both messages and starts processing.</summary>
    private static ulong CreateAndVote(AmaciScenario s, List<DoraFixture.Entry> entries)
    {
        s.Chain.RegisterOperator(MaciOperator, Coordinator);
        var create = s.CreateMsg();
        create.Kind = RoundKind.Maci;
        create.Operator = s.Bech(MaciOperator);
        create.DeactivateEnabled = false;
        create.MaxVoters = 25;
        create.VoiceCreditMode = new VoiceCreditMode { Dynamic = true };
        create.RegistrationMode.StaticWhitelist.Users[0].VoiceCreditAmount = "100";
        create.RegistrationMode.StaticWhitelist.Users[1].VoiceCreditAmount = "80";
        s.Chain.Fails(Tamper.With(create, m => m.DeactivateEnabled = true), InvalidRoundConfig);
        var id = s.Chain.Ok<MsgCreateRoundResponse>(create).RoundId;

        s.Chain.Now = s.Start;
        var leaves = entries.Where(e => e.Type == "setStateLeaf").ToList();
        for (var i = 0; i < 2; i++)
            s.Chain.Ok<MsgSignUpResponse>(new MsgSignUp
            {
                Sender = s.Bech(i == 0 ? s.Voter0 : s.Voter1), RoundId = id, Pubkey = DoraFixture.Point(leaves[i].Data.GetProperty("pubKey")),
            });
        foreach (var e in entries.Where(e => e.Type == "publishMessage"))
        {
            var m = new MsgPublishMessage { Sender = s.Bech(s.Anyone), RoundId = id };
            m.Messages.Add(DoraFixture.Message(e.Data.GetProperty("message")));
            m.EncPubKeys.Add(DoraFixture.Point(e.Data.GetProperty("encPubKey")));
            s.Chain.Ok<MsgPublishMessageResponse>(m);
        }
        // MACI voting excludes its end second; MACI charges no fees.
        s.Chain.Now = s.End;
        s.Chain.Fails(new MsgPublishMessage { Sender = s.Bech(s.Anyone), RoundId = id, Messages = { new Message() }, EncPubKeys = { Tamper.Key(5) } }, OutsideVoting);
        s.Chain.Ok<MsgStartProcessPeriodResponse>(new MsgStartProcessPeriod { Sender = s.Bech(s.Anyone), RoundId = id });
        Assert.Equal(Period.Processing, s.Chain.State(id).Period);
        return id;
    }

    [Fact]
    public void Maci_rounds_take_bonds_refuse_key_changes_and_pay_the_escrow_to_the_admin_once_ended()
    {
        using var s = new AmaciScenario(p => p.Circuits.Add(RoundKeys()));
        var id = CreateAndVote(s, DoraFixture.Round("dora-maci"));
        // Deactivation and key change do not exist in MACI rounds.
        s.Chain.Fails(Tamper.With(s.AddNewKey(), m => m.RoundId = id), WrongRoundKind);

        // Bond adds to the escrow; withdraw waits for Ended and pays the admin.
        s.Chain.Fails(new MsgBond { Sender = s.Bech(s.Anyone), RoundId = id, Amount = RoundsChain.Fee(0) }, InvalidAmount);
        s.Chain.Ok<MsgBondResponse>(new MsgBond { Sender = s.Bech(s.Anyone), RoundId = id, Amount = RoundsChain.Fee(500) });
        Assert.Equal($"{AmaciScenario.BaseFee + 500}", s.Chain.State(id).Escrow);
        s.Chain.Fails(new MsgWithdraw { Sender = s.Bech(s.Anyone), RoundId = id }, WrongPeriod);
        s.Chain.Fails(new MsgBond { Sender = s.Bech(s.Anyone), RoundId = s.Create(), Amount = RoundsChain.Fee(5) }, WrongRoundKind);
    }
}
