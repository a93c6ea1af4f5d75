using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

/// <summary>
/// Dora's non-anonymous MACI 2-1-1-5 fixture (tests/fixtures/dora-maci). Its 2-1-1-5 keys have gamma = delta, so they
/// load only with allow_gamma_equal_delta. The chain's message hashes and state commitment equal the words the
/// fixture's process proof was made for; the proofs themselves do not verify against Dora's keys (snarkjs agrees,
/// see Maci.Crypto.Tests DoraProofTests), so the module refuses them.
/// </summary>
public sealed class MaciRoundTests
{
    [Fact]
    public void Maci_round_rebuilds_the_fixture_chain_and_state_commitment()
    {
        using var s = new AmaciScenario(p =>
        {
            p.AllowGammaEqualDelta = true;
            p.Circuits.Add(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci));
        });
        var entries = DoraFixture.Round("dora-maci");
        var create = s.CreateMsg();
        create.Kind = RoundKind.Maci;
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

        var process = entries.Single(e => e.Type == "processMessage");
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var state = s.Chain.State(id);
        Assert.Equal(Period.Processing, state.Period);
        Assert.Equal(process.Inputs[2], s.Chain.Keeper.GetMsgHash(ctx, id, 0).ToString());
        Assert.Equal(process.Inputs[3], s.Chain.Keeper.GetMsgHash(ctx, id, 2).ToString());
        Assert.Equal(process.Inputs[4], state.CurrentStateCommitment);
        Assert.Equal(((System.Numerics.BigInteger.One << 64) + (2UL << 32) + 5).ToString(), process.Inputs[0]);

        var msg = new MsgProcessMessage
        {
            Sender = s.Bech(s.Operator), RoundId = id, NewStateCommitment = process.Data.Str("newStateCommitment"), Proof = DoraFixture.Proof(process.Data),
        };
        s.Chain.Fails(msg, InvalidProof);
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
