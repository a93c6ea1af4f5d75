using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Cosmos;
using Maci.Modules.Rounds.Keeper;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

/// <summary>Oracle certificates, pre-populated rounds, registration config updates, registration status, MACI bond/withdraw.</summary>
public sealed class RegistrationModesTests
{
    private static readonly byte[] OracleKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static byte[] Certificate(string chainId, ulong round, UInt128 amount, PubKey key) =>
        Secp256k1.SignSha256(OracleKey, RoundsKeeper.OracleCertificateMessage(chainId, round, amount,
            new BabyJubjubPoint(Fr.Parse(key.X), Fr.Parse(key.Y))));

    [Fact]
    public void Oracle_sign_up_needs_a_certificate_for_this_round_key_and_amount()
    {
        using var s = new AmaciScenario();
        var create = s.CreateMsg();
        create.VoiceCreditMode = new VoiceCreditMode { Dynamic = true };
        create.DeactivateEnabled = false;
        create.RegistrationMode = new RegistrationMode { Oracle = new OracleRegistration { OraclePubkey = ByteString.CopyFrom(Secp256k1.PublicKeyFromPrivate(OracleKey)) } };
        s.Chain.Fails(Tamper.With(create, m => m.RegistrationMode.Oracle.OraclePubkey = ByteString.CopyFrom(new byte[33])), InvalidRoundConfig);
        var id = s.Chain.Ok<MsgCreateRoundResponse>(create).RoundId;
        s.Chain.Now = s.Start;
        var key = Tamper.Key(31);
        var msg = new MsgSignUp
        {
            Sender = s.Bech(s.Anyone), RoundId = id, Pubkey = key, Amount = "250",
            Certificate = ByteString.CopyFrom(Certificate("maci-test-1", id, 250, key)), Fee = RoundsChain.Fee(AmaciScenario.SignupFee),
        };
        var q = new RoundsQueryServer(s.Chain.Keeper);
        var status = QueryRegistrationStatusResponse.Parser.ParseFrom(q.RegistrationStatus(s.Chain.Ctx(ExecMode.Query),
            new QueryRegistrationStatusRequest { RoundId = id, Pubkey = key, Certificate = msg.Certificate, Amount = "250" }).Value);
        Assert.Equal((true, false, "250"), (status.CanSignUp, status.IsRegistered, status.VoiceCreditAmount));

        s.Chain.Fails(Tamper.With(msg, m => m.Amount = "251"), InvalidCertificate);
        s.Chain.Fails(Tamper.With(msg, m => m.Pubkey = Tamper.Key(32)), InvalidCertificate);
        s.Chain.Fails(Tamper.With(msg, m => m.Certificate = ByteString.CopyFrom(Certificate("other-chain", id, 250, key))), InvalidCertificate);
        s.Chain.Fails(Tamper.With(msg, m => m.Certificate = ByteString.CopyFrom(new byte[64])), InvalidCertificate);
        Assert.Equal(0UL, s.Chain.Ok<MsgSignUpResponse>(msg).StateIndex);
        s.Chain.Fails(msg, AlreadySignedUp);
        status = QueryRegistrationStatusResponse.Parser.ParseFrom(q.RegistrationStatus(s.Chain.Ctx(ExecMode.Query),
            new QueryRegistrationStatusRequest { RoundId = id, Pubkey = key, Certificate = msg.Certificate, Amount = "250" }).Value);
        Assert.Equal((false, true), (status.CanSignUp, status.IsRegistered));
        // The leaf carries the certified balance.
        var leaf = Maci.Crypto.Amaci.AmaciHashes.SignUpLeaf(new BabyJubjubPoint(Fr.Parse(key.X), Fr.Parse(key.Y)), Fr.FromUInt64(250));
        Assert.Equal(leaf, s.Chain.Keeper.StateNodeByHeapIndex(s.Chain.Ctx(ExecMode.Query), s.Chain.Round(id), 6));
    }

    [Fact]
    public void Pre_populated_round_accepts_pre_add_new_key_against_its_root_and_refuses_sign_up()
    {
        using var s = new AmaciScenario();
        var create = s.CreateMsg();
        // Dora's fixture add-new-key proof was made against this deactivate root and coordinator, with poll id 1.
        create.RegistrationMode = new RegistrationMode
        {
            PrePopulated = new PrePopulated { PreDeactivateRoot = s.Nth("proofDeactivate").Data.Str("newDeactivateRoot"), PreDeactivateCoordinator = Support.Fields.Key(AmaciScenario.Coordinator.PublicKey) },
        };
        s.Chain.Fails(Tamper.With(create, m => m.VoiceCreditMode = new VoiceCreditMode { Dynamic = true }), InvalidRoundConfig);
        var id = s.Chain.Ok<MsgCreateRoundResponse>(create).RoundId;
        s.Chain.Now = s.Start;
        s.Chain.Fails(Tamper.With(s.SignUp(0), m => m.RoundId = id), RegistrationRefused);
        var add = s.AddNewKey();
        s.Chain.Fails(Tamper.With(add, m => m.RoundId = id), InvalidProof);
        var pre = new MsgPreAddNewKey { Sender = add.Sender, RoundId = id, Pubkey = add.Pubkey, Nullifier = add.Nullifier, D = { add.D }, Proof = add.Proof, Fee = add.Fee };
        s.Chain.Fails(Tamper.With(pre, m => m.Nullifier = Tamper.Inc(m.Nullifier)), InvalidProof);
        Assert.Equal(0UL, s.Chain.Ok<MsgPreAddNewKeyResponse>(pre).StateIndex);
        s.Chain.Fails(Tamper.With(pre, m => m.Pubkey = Tamper.Key(5)), NullifierUsed);
        var leaf = Maci.Crypto.Amaci.AmaciHashes.SignUpLeaf(Support.Fields.Point(add.Pubkey), Fr.FromUInt64(100));
        Assert.Equal(leaf, s.Chain.Keeper.StateNodeByHeapIndex(s.Chain.Ctx(ExecMode.Query), s.Chain.Round(id), 6));
        // Pre-add-new-key is only for pre-populated rounds.
        var normal = s.Create();
        s.Chain.Fails(Tamper.With(pre, m => m.RoundId = normal), RegistrationRefused);
    }

    [Fact]
    public void Registration_config_changes_before_voting_while_nobody_signed_up()
    {
        using var s = new AmaciScenario();
        s.Create();
        var update = new MsgUpdateRegistrationConfig
        {
            Sender = s.Bech(s.Admin), RoundId = s.RoundId, DeactivateEnabled = false,
            RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist { Users = { new WhitelistEntry { Address = s.Bech(s.Anyone) } } } },
        };
        s.Chain.Fails(Tamper.With(update, m => m.Sender = s.Bech(s.Anyone)), NotAdmin);
        s.Chain.Fails(Tamper.With(update, m => m.VoiceCreditMode = new VoiceCreditMode { Dynamic = true, UnifiedAmount = "" }), InvalidRoundConfig);
        s.Chain.Ok<MsgUpdateRegistrationConfigResponse>(update);
        Assert.False(s.Chain.Round(s.RoundId).DeactivateEnabled);
        s.Chain.Now = s.Start;
        s.Chain.Fails(s.SignUp(0), NotWhitelisted);
        s.Chain.Fails(s.Deactivate(0), DeactivateDisabled);
        s.Chain.Fails(update, VotingStarted);
    }

    [Fact]
    public void Queries_answer_what_clients_rebuild_state_from()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps();
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var routes = s.Chain.Module.QueryRoutes.ToDictionary(r => r.Path);
        T Ask<T>(string method, IMessage req, MessageParser<T> parser) where T : IMessage<T>
        {
            var r = routes["/maci.rounds.v1.Query/" + method].Handle(ctx, req.ToByteArray());
            Assert.True(r.IsOk, r.Error?.ToString());
            return parser.ParseFrom(r.Value);
        }
        var round = Ask("Round", new QueryRoundRequest { RoundId = 1 }, QueryRoundResponse.Parser);
        Assert.Equal((Period.Ended, 3UL, 3UL, 2UL), (round.State.Period, round.State.NumSignUps, round.State.MsgChainLength, round.State.DmsgChainLength));
        Assert.Equal("1000", round.Round.Fees.BaseFee);
        var h3 = Ask("MessageHash", new QueryMessageHashRequest { RoundId = 1, Index = 3 }, QueryMessageHashResponse.Parser);
        Assert.Equal(s.Nth("processMessage").Inputs[3], h3.Hash);
        var d2 = Ask("MessageHash", new QueryMessageHashRequest { RoundId = 1, Index = 2, Deactivate = true }, QueryMessageHashResponse.Parser);
        Assert.Equal(s.Nth("proofDeactivate").Inputs[3], d2.Hash);
        Assert.False(routes["/maci.rounds.v1.Query/MessageHash"].Handle(ctx, new QueryMessageHashRequest { RoundId = 1, Index = 4 }.ToByteArray()).IsOk);
        var idx = Ask("SignUpIndex", new QuerySignUpIndexRequest { RoundId = 1, Pubkey = s.SignUp(1).Pubkey }, QuerySignUpIndexResponse.Parser);
        Assert.Equal((true, 1UL), (idx.Found, idx.StateIndex));
        var results = Ask("Results", new QueryResultsRequest { RoundId = 1 }, QueryResultsResponse.Parser);
        Assert.Equal("6000000000000000000000036", results.Results[2]);
        var keys = Ask("VerifyingKeys", new QueryVerifyingKeysRequest { RoundId = 1 }, QueryVerifyingKeysResponse.Parser);
        Assert.Equal(DoraFixture.Keys("dora-amaci", "2-1-1-5", RoundKind.Amaci), keys.Keys);
        Assert.Equal(2UL, Ask("NextPollId", new QueryNextPollIdRequest(), QueryNextPollIdResponse.Parser).PollId);
        Assert.Empty(Ask("DelayRecords", new QueryDelayRecordsRequest { RoundId = 1 }, QueryDelayRecordsResponse.Parser).Records);
        Assert.Single(Ask("Params", new QueryParamsRequest(), QueryParamsResponse.Parser).Params.Circuits);
        Assert.False(routes["/maci.rounds.v1.Query/Round"].Handle(ctx, new byte[] { 0xFF }).IsOk);
        s.Chain.Now = s.End + 10;
        s.Chain.Ok<MsgClaimResponse>(s.Claim());
        Assert.Equal("round_claimed", s.Chain.LastEvents[^1].Type);
    }

    [Fact]
    public void Message_events_carry_index_chain_length_and_sign_up_count()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 2);
        s.Chain.Now = s.Start + 2;
        var m = s.Publish(0);
        m.Messages.Add(s.Publish(1).Messages[0]);
        m.EncPubKeys.Add(s.Publish(1).EncPubKeys[0]);
        m.Fee = RoundsChain.Fee(2 * AmaciScenario.MessageFee);
        var r = s.Chain.Ok<MsgPublishMessageResponse>(m);
        Assert.Equal((0UL, 2UL), (r.FirstIndex, r.MsgChainLength));
        var events = s.Chain.LastEvents.Where(e => e.Type == "publish_message").ToList();
        Assert.Equal(["0", "1"], events.Select(e => e.Get("message_index")));
        Assert.Equal(["1", "2"], events.Select(e => e.Get("msg_chain_length")));
        Assert.Equal(string.Join(",", m.Messages[1].Data), events[1].Get("data"));
        s.Chain.Ok<MsgPublishDeactivateMessageResponse>(s.Deactivate(0));
        var d = Assert.Single(s.Chain.LastEvents, e => e.Type == "publish_deactivate_message");
        Assert.Equal(("0", "1", "2"), (d.Get("dmsg_index"), d.Get("dmsg_chain_length"), d.Get("num_sign_ups")));
        var upload = new MsgUploadDeactivateMessage { Sender = s.Bech(s.Operator), RoundId = s.RoundId, Leaves = { new DeactivateLeaf { Values = { "1", "2", "3", "4", "5" } } } };
        s.Chain.Fails(Tamper.With(upload, u => u.Leaves[0].Values.RemoveAt(0)), InvalidMessage);
        s.Chain.Ok<MsgUploadDeactivateMessageResponse>(upload);
        Assert.Equal("1,2,3,4,5", Assert.Single(s.Chain.LastEvents).Get("leaves"));
    }
}
