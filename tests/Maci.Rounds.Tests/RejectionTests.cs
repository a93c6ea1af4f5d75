using Google.Protobuf;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;
using Maci.Sdk.Errors;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Rounds.Tests;

/// <summary>
/// The fixture round with a bad variant tried before each step: each is refused with a clear code and changes nothing
/// (stores and hook records compared), and the round still finishes with the fixture's results.
/// </summary>
public sealed class RejectionTests
{
    private static readonly ErrorCode[] BadProof = [InvalidProof, MalformedProof];

    private static List<(IMessage Msg, ErrorCode[] Codes)> BadVariants(AmaciScenario s, string step)
    {
        var list = new List<(IMessage, ErrorCode[])>();
        void Add(IMessage m, params ErrorCode[] c) => list.Add((m, c));
        switch (step)
        {
            case "sign up 0":
                Add(Tamper.With(s.SignUp(0), m => m.Sender = s.Bech(s.Anyone)), NotWhitelisted);
                Add(Tamper.With(s.SignUp(0), m => m.Fee = RoundsChain.Fee(AmaciScenario.SignupFee - 1)), FeeMismatch);
                Add(Tamper.With(s.SignUp(0), m => m.Fee = RoundsChain.Fee(AmaciScenario.SignupFee + 1)), FeeMismatch);
                Add(Tamper.With(s.SignUp(0), m => m.Fee = null), FeeMismatch);
                Add(Tamper.With(s.SignUp(0), m => m.Fee = new() { Denom = "other", Amount = $"{AmaciScenario.SignupFee}" }), FeeMismatch);
                Add(Tamper.With(s.SignUp(0), m => m.Pubkey = new PubKey { X = "1", Y = "2" }), InvalidPubKey);
                Add(Tamper.With(s.SignUp(0), m => m.RoundId = 7), RoundNotFound);
                Add(new MsgStartProcessPeriod { Sender = s.Bech(s.Anyone), RoundId = s.RoundId }, VotingNotEnded);
                Add(new MsgSetRoundInfo { Sender = s.Bech(s.Admin), RoundId = s.RoundId, Info = new RoundText { Title = "late" } }, VotingStarted);
                break;
            case "sign up 1":
                Add(Tamper.With(s.SignUp(1), m => m.Sender = s.Bech(s.Voter0)), AlreadySignedUp);
                Add(Tamper.With(s.SignUp(1), m => m.Pubkey = s.SignUp(0).Pubkey), AlreadySignedUp);
                break;
            case "deactivate 0":
                Add(Tamper.With(s.Deactivate(0), m => m.Fee = RoundsChain.Fee(AmaciScenario.DeactivateFee - 1)), FeeMismatch);
                Add(Tamper.With(s.Deactivate(0), m => m.Message.Data.RemoveAt(9)), InvalidMessage);
                Add(Tamper.With(s.Deactivate(0), m => m.Message.Data[3] = "21888242871839275222246405745257275088548364400416034343698204186575808495617"), InvalidFieldElement);
                Add(new MsgProcessDeactivateMessage { Sender = s.Bech(s.Operator), RoundId = s.RoundId, Size = 2 }, NothingToProcess);
                break;
            case "process deactivate":
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = Tamper.FlipBit(m.Proof, 'a', 63)), BadProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = Tamper.FlipBit(m.Proof, 'b', 200)), BadProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = Tamper.FlipBit(m.Proof, 'c', 127)), BadProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = Tamper.With(m.Proof, p => p.A = p.C)), InvalidProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = Tamper.With(m.Proof, p => p.B = p.B[..^2])), MalformedProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.NewDeactivateCommitment = Tamper.Inc(m.NewDeactivateCommitment)), InvalidProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.NewDeactivateRoot = Tamper.Inc(m.NewDeactivateRoot)), InvalidProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Size = 1), InvalidProof);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Size = 6), InvalidMessage);
                Add(Tamper.With(s.ProcessDeactivate(), m => m.Proof = null), MalformedProof);
                Add(new MsgUploadDeactivateMessage { Sender = s.Bech(s.Anyone), RoundId = s.RoundId, Leaves = { new DeactivateLeaf { Values = { "1", "2", "3", "4", "5" } } } }, NotOperator);
                break;
            case "add new key":
                Add(Tamper.With(s.AddNewKey(), m => m.Proof = Tamper.FlipBit(m.Proof, 'c', 5)), BadProof);
                Add(Tamper.With(s.AddNewKey(), m => m.Nullifier = Tamper.Inc(m.Nullifier)), InvalidProof);
                Add(Tamper.With(s.AddNewKey(), m => m.D[2] = Tamper.Inc(m.D[2])), InvalidProof);
                Add(Tamper.With(s.AddNewKey(), m => m.Pubkey = Tamper.Key(424242)), InvalidProof);
                Add(Tamper.With(s.AddNewKey(), m => m.Pubkey = s.SignUp(1).Pubkey), AlreadySignedUp);
                Add(Tamper.With(s.AddNewKey(), m => m.D.RemoveAt(3)), InvalidMessage);
                Add(Tamper.With(s.AddNewKey(), m => m.Fee = null), FeeMismatch);
                break;
            case "publish 0":
                Add(Tamper.With(s.Publish(0), m => m.Fee = RoundsChain.Fee(AmaciScenario.MessageFee * 2)), FeeMismatch);
                Add(Tamper.With(s.Publish(0), m => m.EncPubKeys.Clear()), InvalidMessage);
                Add(Tamper.With(s.Publish(0), m => { m.Messages.Add(m.Messages[0]); m.EncPubKeys.Add(m.EncPubKeys[0]); m.Fee = RoundsChain.Fee(2 * AmaciScenario.MessageFee); }), EncKeyUsed);
                // A reused nullifier: the same old key cannot add a second new key.
                Add(Tamper.With(s.AddNewKey(), m => m.Pubkey = Tamper.Key(777)), NullifierUsed);
                break;
            case "publish 1":
                Add(Tamper.With(s.Publish(1), m => m.EncPubKeys[0] = s.Publish(0).EncPubKeys[0]), EncKeyUsed);
                break;
            case "start processing":
                Add(s.Publish(2), EncKeyUsed, OutsideVoting);
                Add(Tamper.With(s.Publish(0), m => m.EncPubKeys[0] = Tamper.Key(99)), OutsideVoting);
                Add(Tamper.With(s.SignUp(0), m => m.Pubkey = Tamper.Key(98)), OutsideVoting);
                Add(s.ProcessMessage(), WrongPeriod);
                Add(s.ProcessTally(), WrongPeriod);
                Add(s.StopTallying(), WrongPeriod);
                break;
            case "process messages":
                Add(Tamper.With(s.ProcessMessage(), m => m.Proof = Tamper.FlipBit(m.Proof, 'a', 10, 2)), BadProof);
                Add(Tamper.With(s.ProcessMessage(), m => m.NewStateCommitment = Tamper.Inc(m.NewStateCommitment)), InvalidProof);
                Add(Tamper.With(s.ProcessMessage(), m => m.NewStateCommitment = "not a number"), InvalidFieldElement);
                Add(s.StopProcessing(), ProcessingIncomplete);
                Add(s.StartProcess(), WrongPeriod);
                Add(s.Claim(), RoundNotClaimable);
                break;
            case "stop processing":
                Add(s.ProcessMessage(), NothingToProcess);
                break;
            case "process tally":
                Add(Tamper.With(s.ProcessTally(), m => m.Proof = Tamper.FlipBit(m.Proof, 'b', 7, 3)), BadProof);
                Add(Tamper.With(s.ProcessTally(), m => m.NewTallyCommitment = Tamper.Inc(m.NewTallyCommitment)), InvalidProof);
                Add(s.StopTallying(), ProcessingIncomplete);
                break;
            case "stop tallying":
                Add(s.ProcessTally(), NothingToProcess);
                Add(Tamper.With(s.StopTallying(), m => m.Results[2] = "6000000000000000000000035"), ResultsMismatch);
                Add(Tamper.With(s.StopTallying(), m => m.Salt = "20043"), ResultsMismatch);
                Add(Tamper.With(s.StopTallying(), m => m.Results.Add("0")), ResultsMismatch);
                break;
        }
        return list;
    }

    [Fact]
    public void Every_bad_variant_is_refused_without_effect_and_the_round_still_finishes()
    {
        using var s = new AmaciScenario();
        s.Create();
        var steps = s.Steps();
        var tried = 0;
        foreach (var (name, time, msg) in steps)
        {
            s.Chain.Now = time;
            foreach (var (bad, codes) in BadVariants(s, name))
            {
                s.Chain.FailsWith(bad, codes);
                tried++;
            }
            var r = s.Chain.Deliver(msg());
            Assert.True(r.IsOk, $"{name}: {r.Error}");
            s.Chain.AssertInvariants();
        }
        Assert.True(tried > 50, $"only {tried} variants");
        var results = s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), s.RoundId)!;
        Assert.Equal(["0", "0", "6000000000000000000000036", "0", "0"], results.Results);
    }

    [Fact]
    public void Voting_is_inclusive_at_both_ends()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.Chain.Now = s.Start - 1;
        s.Chain.Fails(s.SignUp(0), OutsideVoting);
        s.Chain.Now = s.Start;
        s.Chain.Ok<MsgSignUpResponse>(s.SignUp(0));
        s.Chain.Now = s.End;
        s.Chain.Ok<MsgPublishMessageResponse>(s.Publish(0));
        s.Chain.Ok<MsgPublishDeactivateMessageResponse>(s.Deactivate(0));
        s.Chain.Fails(s.StartProcess(), VotingNotEnded);
        s.Chain.Now = s.End + 1;
        s.Chain.Fails(s.Publish(1), OutsideVoting);
        // The deactivate message is still unprocessed: processing cannot start.
        s.Chain.Fails(s.StartProcess(), DeactivateBacklog);
    }

    [Fact]
    public void Admin_edits_only_before_voting_and_only_by_the_admin()
    {
        using var s = new AmaciScenario();
        s.Create();
        var info = new MsgSetRoundInfo { Sender = s.Bech(s.Admin), RoundId = s.RoundId, Info = new RoundText { Title = "new title" } };
        s.Chain.Fails(Tamper.With(info, m => m.Sender = s.Bech(s.Anyone)), NotAdmin);
        s.Chain.Fails(Tamper.With(info, m => m.Info.Title = " "), InvalidRoundConfig);
        s.Chain.Ok<MsgSetRoundInfoResponse>(info);
        Assert.Equal("new title", s.Chain.Round(s.RoundId).Info.Title);
        var options = new MsgSetVoteOptions { Sender = s.Bech(s.Admin), RoundId = s.RoundId, VoteOptions = { "x", "y", "z", "u", "v", "w" } };
        s.Chain.Fails(options, InvalidRoundConfig);
        options.VoteOptions.RemoveAt(5);
        s.Chain.Ok<MsgSetVoteOptionsResponse>(options);
        s.Chain.Fails(new MsgSetMaxVotesPerOption { Sender = s.Bech(s.Admin), RoundId = s.RoundId, MaxVotesPerOption = 1UL << 32 }, InvalidRoundConfig);
        s.Chain.Now = s.Start;
        s.Chain.Fails(new MsgSetMaxVotesPerOption { Sender = s.Bech(s.Admin), RoundId = s.RoundId, MaxVotesPerOption = 3 }, VotingStarted);
    }
}
