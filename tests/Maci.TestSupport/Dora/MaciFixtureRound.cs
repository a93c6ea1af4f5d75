using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.TestSupport.Dora;

/// <summary>
/// Dora's non-anonymous MACI 2-1-1-5 round (tests/fixtures/dora-maci/round-2-1-1-5.json) as maci.rounds.v1 messages:
/// quadratic cost, 5 options, max 25 voters, dynamic voice credits from the static whitelist (voter 0: 100, voter 1: 80),
/// the contract multitest's coordinator key, 7-element messages. Voters sign up themselves (MACI charges no sign-up or
/// message fee); votes are relayed by <c>Anyone</c>; the operator submits the process and tally proofs and the results.
/// The proofs verify against <see cref="Keys"/> (dora-maci/vkeys-2e16364.json, fixtures README "MACI fixture proofs").
/// </summary>
public sealed class MaciFixtureRound(AmaciRoundParties parties, FeeConfig fees, string denom)
    : DoraFixtureRound("dora-maci", parties, denom)
{
    /// <summary>The coordinator key of Dora's MACI contract tests; its hash is the fixture process proof's coordinator word.</summary>
    public static readonly BabyJubjubPoint Coordinator = new(
        Fr.Parse("3557592161792765812904087712812111121909518311142005886657252371904276697771"),
        Fr.Parse("4363822302427519764561660537570341277214758164895027920046745209970137856681"));

    /// <summary>The fixture's final results and their total.</summary>
    public static readonly string[] Results = ["0", "8000000000000000000000064", "6000000000000000000000036", "0", "0"];

    public const string Total = "14000000000000000000000100";

    /// <summary>The 2-1-1-5 keys the fixture's proofs were made for (delta differs from gamma: no override needed).</summary>
    public static CircuitKeys Keys() => DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci, "vkeys-2e16364.json");

    public int MessageCount => Entries.Count(e => e.Type == "publishMessage");

    /// <summary>The round: the base fee goes to the escrow, which the admin withdraws once the round has ended.</summary>
    public MsgCreateRound CreateMsg(long votingStart, long votingEnd)
    {
        var m = new MsgCreateRound
        {
            Creator = Parties.Admin, Kind = RoundKind.Maci, Operator = Parties.Operator,
            Info = new RoundText { Title = "Dora MACI 2-1-1-5", Description = "fixture replay", Link = "" },
            VotingStart = votingStart, VotingEnd = votingEnd, CircuitType = CircuitType.Quadratic,
            CircuitSize = new CircuitSize { StateTreeDepth = 2, IntStateTreeDepth = 1, VoteOptionTreeDepth = 1, MessageBatchSize = 5 },
            MaxVotesPerOption = 0, MaxVoters = 25, VoiceCreditMode = new VoiceCreditMode { Dynamic = true },
            RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist() },
            DeactivateEnabled = false, Fee = Fee(fees.BaseFee),
        };
        m.VoteOptions.AddRange(["a", "b", "c", "d", "e"]);
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Parties.Voter0, VoiceCreditAmount = "100" });
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Parties.Voter1, VoiceCreditAmount = "80" });
        return m;
    }

    public MsgSignUp SignUp(int i) => new()
    {
        Sender = i == 0 ? Parties.Voter0 : Parties.Voter1, RoundId = RoundId,
        Pubkey = DoraFixture.Point(Nth("setStateLeaf", i).Data.GetProperty("pubKey")),
    };

    public MsgPublishMessage Publish(int i)
    {
        var d = Nth("publishMessage", i).Data;
        var m = new MsgPublishMessage { Sender = Parties.Anyone, RoundId = RoundId };
        m.Messages.Add(DoraFixture.Message(d.GetProperty("message")));
        m.EncPubKeys.Add(DoraFixture.Point(d.GetProperty("encPubKey")));
        return m;
    }

    public MsgBond Bond(string amount) => new() { Sender = Parties.Anyone, RoundId = RoundId, Amount = Fee(amount) };

    /// <summary>Pays <paramref name="amount"/> (all of the escrow when null) to the admin; sent by <c>Anyone</c>.</summary>
    public MsgWithdraw Withdraw(string? amount = null) =>
        new() { Sender = Parties.Anyone, RoundId = RoundId, Amount = amount is null ? null : Fee(amount) };
}
