using Maci.Proto.Maci.Rounds.V1;
using Coin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.TestSupport.Dora;

/// <summary>
/// Dora's 2-1-1-5 aMACI round (tests/fixtures/dora-amaci/round-2-1-1-5.json) as rounds-module messages: poll id 1,
/// quadratic cost, 5 options, 100 voice credits, deactivation on, coordinator key from raw key 111111. Senders, the
/// round id and fees come from the caller, so a module-level chain and a whole app drive the same round.
/// </summary>
public sealed class DoraAmaciRound
{
    public const ulong CoordinatorPrivateKey = 111111;

    public List<DoraFixture.Entry> Entries { get; } = DoraFixture.Round("dora-amaci");

    public DoraFixture.Entry Nth(string type, int n = 0) => Entries.Where(e => e.Type == type).ElementAt(n);

    /// <summary>The results the fixture's tally proves.</summary>
    public string[] Results => DoraFixture.Strings(Nth("stopTallyingPeriod").Data.GetProperty("results"));

    public static CircuitSize Size => new() { StateTreeDepth = 2, IntStateTreeDepth = 1, VoteOptionTreeDepth = 1, MessageBatchSize = 5 };

    public MsgSignUp SignUp(int i, string sender, ulong roundId, Coin? fee) => new()
    {
        Sender = sender, RoundId = roundId, Pubkey = DoraFixture.Point(Nth("setStateLeaf", i).Data.GetProperty("pubKey")), Fee = fee,
    };

    public MsgPublishDeactivateMessage Deactivate(int i, string sender, ulong roundId, Coin? fee)
    {
        var d = Nth("publishDeactivateMessage", i).Data;
        return new()
        {
            Sender = sender, RoundId = roundId, Message = DoraFixture.Message(d.GetProperty("message")),
            EncPubKey = DoraFixture.Point(d.GetProperty("encPubKey")), Fee = fee,
        };
    }

    public MsgProcessDeactivateMessage ProcessDeactivate(string sender, ulong roundId)
    {
        var d = Nth("proofDeactivate").Data;
        return new()
        {
            Sender = sender, RoundId = roundId, Size = ulong.Parse(d.Str("size")),
            NewDeactivateCommitment = d.Str("newDeactivateCommitment"), NewDeactivateRoot = d.Str("newDeactivateRoot"),
            Proof = DoraFixture.Proof(d),
        };
    }

    public MsgAddNewKey AddNewKey(string sender, ulong roundId, Coin? fee)
    {
        var d = Nth("proofAddNewKey").Data;
        var m = new MsgAddNewKey
        {
            Sender = sender, RoundId = roundId, Pubkey = DoraFixture.Point(d.GetProperty("pubKey")),
            Nullifier = d.Str("nullifier"), Proof = DoraFixture.Proof(d), Fee = fee,
        };
        m.D.AddRange(DoraFixture.Strings(d.GetProperty("d")));
        return m;
    }

    public MsgPublishMessage Publish(int i, string sender, ulong roundId, Coin? fee)
    {
        var d = Nth("publishMessage", i).Data;
        var m = new MsgPublishMessage { Sender = sender, RoundId = roundId, Fee = fee };
        m.Messages.Add(DoraFixture.Message(d.GetProperty("message")));
        m.EncPubKeys.Add(DoraFixture.Point(d.GetProperty("encPubKey")));
        return m;
    }

    public MsgProcessMessage ProcessMessage(string sender, ulong roundId)
    {
        var d = Nth("processMessage").Data;
        return new() { Sender = sender, RoundId = roundId, NewStateCommitment = d.Str("newStateCommitment"), Proof = DoraFixture.Proof(d) };
    }

    public MsgProcessTally ProcessTally(string sender, ulong roundId)
    {
        var d = Nth("processTally").Data;
        return new() { Sender = sender, RoundId = roundId, NewTallyCommitment = d.Str("newTallyCommitment"), Proof = DoraFixture.Proof(d) };
    }

    public MsgStopTallyingPeriod StopTallying(string sender, ulong roundId)
    {
        var d = Nth("stopTallyingPeriod").Data;
        var m = new MsgStopTallyingPeriod { Sender = sender, RoundId = roundId, Salt = d.Str("salt") };
        m.Results.AddRange(Results);
        return m;
    }
}
