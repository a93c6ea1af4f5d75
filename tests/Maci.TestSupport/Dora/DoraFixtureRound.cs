using Maci.Proto.Maci.Rounds.V1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.TestSupport.Dora;

/// <summary>
/// What Dora's aMACI and MACI fixture rounds share: the round file's entries, the parties, the round id the messages
/// address, and the period changes, proofs and results, which MACI and aMACI rounds take in the same messages.
/// </summary>
public abstract class DoraFixtureRound(string protocol, AmaciRoundParties parties, string denom)
{
    public AmaciRoundParties Parties { get; } = parties;
    public List<DoraFixture.Entry> Entries { get; } = DoraFixture.Round(protocol);
    public ulong RoundId { get; set; }

    public DoraFixture.Entry Nth(string type, int n = 0) => Entries.Where(e => e.Type == type).ElementAt(n);

    public ProtoCoin Fee(string amount) => new() { Denom = denom, Amount = amount };

    public MsgStartProcessPeriod StartProcess() => new() { Sender = Parties.Anyone, RoundId = RoundId };

    public MsgProcessMessage ProcessMessage()
    {
        var d = Nth("processMessage").Data;
        return new() { Sender = Parties.Operator, RoundId = RoundId, NewStateCommitment = d.Str("newStateCommitment"), Proof = DoraFixture.Proof(d) };
    }

    public MsgStopProcessingPeriod StopProcessing() => new() { Sender = Parties.Anyone, RoundId = RoundId };

    public MsgProcessTally ProcessTally()
    {
        var d = Nth("processTally").Data;
        return new() { Sender = Parties.Operator, RoundId = RoundId, NewTallyCommitment = d.Str("newTallyCommitment"), Proof = DoraFixture.Proof(d) };
    }

    public MsgStopTallyingPeriod StopTallying()
    {
        var d = Nth("stopTallyingPeriod").Data;
        var m = new MsgStopTallyingPeriod { Sender = Parties.Operator, RoundId = RoundId, Salt = d.Str("salt") };
        m.Results.AddRange(DoraFixture.Strings(d.GetProperty("results")));
        return m;
    }
}
