using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Encryption;
using Maci.Crypto.Poseidon;
using Maci.Proto.Maci.Rounds.V1;

namespace Maci.TestSupport.Dora;

/// <summary>
/// Dora's 2-1-1-5 aMACI round (tests/fixtures/dora-amaci/round-2-1-1-5.json) as maci.rounds.v1 messages: poll id 1,
/// quadratic cost, 5 options, 100 voice credits, deactivation on, coordinator key from raw key 111111 (fixtures README).
/// Voters sign up themselves; deactivate messages, votes and the add-new-key proof are relayed by <c>Anyone</c>; the
/// operator submits the deactivate, process and tally proofs and the results. Paid messages carry the given fees.
/// </summary>
public sealed class AmaciFixtureRound(AmaciRoundParties parties, FeeConfig fees, string denom)
    : DoraFixtureRound("dora-amaci", parties, denom)
{
    public static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(111111);

    /// <summary>The voters' MACI keys (raw 222222, 555555 and the new key 666666, state indexes 0, 1, 2).</summary>
    public static readonly MaciKeypair[] Users =
        [MaciKeypair.FromPrivateKey(222222), MaciKeypair.FromPrivateKey(555555), MaciKeypair.FromPrivateKey(666666)];

    /// <summary>The fixture's final results and their total.</summary>
    public static readonly string[] Results = ["0", "0", "6000000000000000000000036", "0", "0"];

    public MsgCreateRound CreateMsg(long votingStart, long votingEnd)
    {
        var m = new MsgCreateRound
        {
            Creator = Parties.Admin, Kind = RoundKind.Amaci, Operator = Parties.Operator,
            Info = new RoundText { Title = "Dora 2-1-1-5", Description = "fixture replay", Link = "" },
            VotingStart = votingStart, VotingEnd = votingEnd, CircuitType = CircuitType.Quadratic,
            CircuitSize = new CircuitSize { StateTreeDepth = 2, IntStateTreeDepth = 1, VoteOptionTreeDepth = 1, MessageBatchSize = 5 },
            MaxVotesPerOption = 0, VoiceCreditMode = new VoiceCreditMode { UnifiedAmount = "100" },
            RegistrationMode = new RegistrationMode { StaticWhitelist = new StaticWhitelist() },
            DeactivateEnabled = true, Fee = Fee(fees.BaseFee),
        };
        m.VoteOptions.AddRange(["a", "b", "c", "d", "e"]);
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Parties.Voter0 });
        m.RegistrationMode.StaticWhitelist.Users.Add(new WhitelistEntry { Address = Parties.Voter1 });
        return m;
    }

    public MsgSignUp SignUp(int i) => new()
    {
        Sender = i == 0 ? Parties.Voter0 : Parties.Voter1, RoundId = RoundId,
        Pubkey = DoraFixture.Point(Nth("setStateLeaf", i).Data.GetProperty("pubKey")), Fee = Fee(fees.SignupFee),
    };

    public MsgPublishDeactivateMessage Deactivate(int i)
    {
        var d = Nth("publishDeactivateMessage", i).Data;
        return new()
        {
            Sender = Parties.Anyone, RoundId = RoundId, Message = DoraFixture.Message(d.GetProperty("message")),
            EncPubKey = DoraFixture.Point(d.GetProperty("encPubKey")), Fee = Fee(fees.DeactivateFee),
        };
    }

    /// <summary>
    /// The operator's new deactivate leaves [c1.x, c1.y, c2.x, c2.y, H2(sharedKey)] for the fixture's deactivate messages:
    /// an even ElGamal ciphertext with randomness H3(coordinator raw key, 20040, i + 1), keyed to the decrypted sender.
    /// </summary>
    public IReadOnlyList<DeactivateLeaf> DeactivateLeaves()
    {
        var leaves = new List<DeactivateLeaf>();
        for (var i = 0; i < Entries.Count(e => e.Type == "publishDeactivateMessage"); i++)
        {
            var d = Nth("publishDeactivateMessage", i).Data;
            var message = DoraFixture.Strings(d.GetProperty("message")).Select(Fr.Parse).ToArray();
            var enc = DoraFixture.Strings(d.GetProperty("encPubKey")).Select(Fr.Parse).ToArray();
            if (!MaciMessage.TryDecrypt(message, new BabyJubjubPoint(enc[0], enc[1]), Coordinator.SecretScalar, out var command))
                throw new InvalidOperationException($"deactivate message {i} does not decrypt under the coordinator key");
            var r = AmaciHashes.StaticRandomKey(Coordinator.PrivateKey, Fr.FromUInt64(AmaciHashes.DeactivateRandomSalt), Fr.FromUInt64((ulong)i + 1));
            var ct = ElGamal.EncryptParity(false, Coordinator.PublicKey, r);
            var shared = Coordinator.SharedKey(Users[command.Command.StateIndex].PublicKey);
            var leaf = new DeactivateLeaf();
            leaf.Values.AddRange([ct.C1.X.ToString(), ct.C1.Y.ToString(), ct.C2.X.ToString(), ct.C2.Y.ToString(),
                PoseidonHash.Hash2(shared.X, shared.Y).ToString()]);
            leaves.Add(leaf);
        }
        return leaves;
    }

    public MsgUploadDeactivateMessage UploadDeactivate()
    {
        var m = new MsgUploadDeactivateMessage { Sender = Parties.Operator, RoundId = RoundId };
        m.Leaves.AddRange(DeactivateLeaves());
        return m;
    }

    public MsgProcessDeactivateMessage ProcessDeactivate()
    {
        var d = Nth("proofDeactivate").Data;
        return new()
        {
            Sender = Parties.Operator, RoundId = RoundId, Size = ulong.Parse(d.Str("size")),
            NewDeactivateCommitment = d.Str("newDeactivateCommitment"), NewDeactivateRoot = d.Str("newDeactivateRoot"),
            Proof = DoraFixture.Proof(d),
        };
    }

    public MsgAddNewKey AddNewKey()
    {
        var d = Nth("proofAddNewKey").Data;
        var m = new MsgAddNewKey
        {
            Sender = Parties.Anyone, RoundId = RoundId, Pubkey = DoraFixture.Point(d.GetProperty("pubKey")),
            Nullifier = d.Str("nullifier"), Proof = DoraFixture.Proof(d), Fee = Fee(fees.SignupFee),
        };
        m.D.AddRange(DoraFixture.Strings(d.GetProperty("d")));
        return m;
    }

    public MsgPublishMessage Publish(int i)
    {
        var d = Nth("publishMessage", i).Data;
        var m = new MsgPublishMessage { Sender = Parties.Anyone, RoundId = RoundId, Fee = Fee(fees.MessageFee) };
        m.Messages.Add(DoraFixture.Message(d.GetProperty("message")));
        m.EncPubKeys.Add(DoraFixture.Point(d.GetProperty("encPubKey")));
        return m;
    }

    public MsgClaim Claim() => new() { Sender = Parties.Anyone, RoundId = RoundId };
}
