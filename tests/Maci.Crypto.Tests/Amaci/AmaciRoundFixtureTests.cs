using System.Text.Json;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Amaci;
using Maci.Crypto.Encryption;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Tests.Support;
using Maci.Crypto.Trees;
using Maci.TestSupport;

namespace Maci.Crypto.Tests.Amaci;

/// <summary>
/// Replays the crypto of Dora's 2-1-1-5 aMACI round (tests/fixtures/dora-amaci/round-2-1-1-5.json) with the raw keys
/// from tests/fixtures/README.md: coordinator 111111, users 222222 / 555555 / 666666, poll id 1, state salt 20041,
/// tally salt 20042. Every published message must decrypt under the coordinator key derived from 111111.
/// </summary>
public class AmaciRoundFixtureTests
{
    private const int StateDepth = 2;
    private const int VoteOptionDepth = 1;
    private static readonly Fr PollId = Fr.FromUInt64(1);

    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(111111);
    private static readonly MaciKeypair[] Users = [MaciKeypair.FromPrivateKey(222222), MaciKeypair.FromPrivateKey(555555), MaciKeypair.FromPrivateKey(666666)];

    private static List<(string Type, JsonElement Data)> Entries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("dora-amaci", "round-2-1-1-5.json")));
        return doc.RootElement.EnumerateArray().Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("data").Clone())).ToList();
    }

    private static Fr[] Fields(JsonElement array) => array.EnumerateArray().Select(e => Num.F(e.GetString()!)).ToArray();

    private static BabyJubjubPoint PointOf(JsonElement array)
    {
        var f = Fields(array);
        return new BabyJubjubPoint(f[0], f[1]);
    }

    private static SignedMaciCommand Decrypt(JsonElement data)
    {
        var message = Fields(data.GetProperty("message"));
        var encPub = PointOf(data.GetProperty("encPubKey"));
        Assert.True(encPub.IsOnCurve);
        Assert.True(MaciMessage.TryDecrypt(message, encPub, Coordinator.SecretScalar, out var command),
            "message does not decrypt under the coordinator key from raw key 111111");
        Assert.Equal(command, MaciMessage.DecryptWithoutCheck(message, encPub, Coordinator.SecretScalar));
        return command;
    }

    [Fact]
    public void CoordinatorKeyIsDerivedFromRawKey111111()
    {
        // genKeypair(111111): formatted key and public key as the SDK vectors give them.
        Assert.Equal(Num.F("2295754007515522394258511581246354452955624238787687789994300932264762345941"), Coordinator.SecretScalar);
        Assert.Equal(Num.F("1421543221206310383340195030620766117814469350837741893103919053409918312818"), Coordinator.PublicKey.X);
        Assert.Equal(Num.F("5844095285348097514075616375079349318227570502756036806774906942110501360620"), Coordinator.PublicKey.Y);
        // The README's "coordinator public key used by the contract tests" belongs to Dora's contract multitests, not
        // to this round: it is a valid curve point, but not the key of 111111 (this round's messages decrypt under the latter).
        var multitestKey = new BabyJubjubPoint(
            Num.F("3557592161792765812904087712812111121909518311142005886657252371904276697771"),
            Num.F("4363822302427519764561660537570341277214758164895027920046745209970137856681"));
        Assert.True(multitestKey.IsOnCurve);
        Assert.NotEqual(Coordinator.PublicKey, multitestKey);
    }

    [Fact]
    public void SignUpKeysComeFromTheDocumentedRawKeys()
    {
        var leaves = Entries().Where(e => e.Type == "setStateLeaf").Select(e => e.Data).ToList();
        Assert.Equal(3, leaves.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(i.ToString(), leaves[i].Str("leafIdx"));
            Assert.Equal(Users[i].PublicKey, PointOf(leaves[i].GetProperty("pubKey")));
        }
    }

    [Fact]
    public void DeactivationsDecryptVerifyAndReproduceTheProvenDeactivateRoot()
    {
        var entries = Entries();
        var dmsgs = entries.Where(e => e.Type == "publishDeactivateMessage").Select(e => Decrypt(e.Data)).ToList();
        Assert.Equal(2, dmsgs.Count);

        var active = PoseidonMerkleTree.Quinary(StateDepth, Fr.Zero);
        var deactivate = PoseidonMerkleTree.Quinary(StateDepth + 2, Fr.Zero);
        for (var i = 0; i < dmsgs.Count; i++)
        {
            var cmd = dmsgs[i].Command;
            Assert.Equal((0u, 0u, UInt128.Zero, 1u), (cmd.Nonce, cmd.VoteOptionIndex, cmd.NewVotes, cmd.PollId));
            Assert.Equal(new BabyJubjubPoint(Fr.Zero, Fr.Zero), cmd.NewPublicKey);
            var owner = Users[cmd.StateIndex];
            Assert.True(dmsgs[i].VerifySignature(owner.PublicKey));

            // The operator's leaf: even ciphertext with randomness H3(coordRaw, 20040, i + 1), then the shared-key hash.
            var newActiveState = Fr.FromUInt64((ulong)i + 1);
            var r = AmaciHashes.StaticRandomKey(Coordinator.PrivateKey, Fr.FromUInt64(AmaciHashes.DeactivateRandomSalt), newActiveState);
            var ct = ElGamal.EncryptParity(false, Coordinator.PublicKey, r);
            var leaf = AmaciHashes.DeactivateLeaf(ct.C1, ct.C2, Coordinator.SharedKey(owner.PublicKey));
            deactivate.Update(i, leaf);
            active.Update(cmd.StateIndex, newActiveState);
        }

        var proof = entries.Single(e => e.Type == "proofDeactivate").Data;
        Assert.Equal(proof.Field("newDeactivateRoot"), deactivate.Root);
        Assert.Equal(proof.Field("newDeactivateCommitment"), AmaciHashes.DeactivateCommitment(active.Root, deactivate.Root));
    }

    [Fact]
    public void AddNewKeyNullifierAndRerandomisedCiphertextMatch()
    {
        var data = Entries().Single(e => e.Type == "proofAddNewKey").Data;
        Assert.Equal(Users[2].PublicKey, PointOf(data.GetProperty("pubKey")));
        Assert.Equal(data.Field("nullifier"), AmaciHashes.Nullifier(Users[0].SecretScalar, PollId));
        var d = Fields(data.GetProperty("d"));
        var d1 = new BabyJubjubPoint(d[0], d[1]);
        var d2 = new BabyJubjubPoint(d[2], d[3]);
        Assert.True(d1.IsOnCurve && d2.IsOnCurve);
        // d re-randomises user 1's deactivate ciphertext (first deactivate message, randomness index 1): same plaintext.
        var r = AmaciHashes.StaticRandomKey(Coordinator.PrivateKey, Fr.FromUInt64(AmaciHashes.DeactivateRandomSalt), Fr.One);
        var original = ElGamal.EncryptParity(false, Coordinator.PublicKey, r);
        Assert.Equal(ElGamal.DecryptPoint(Coordinator.SecretScalar, original.C1, original.C2), ElGamal.DecryptPoint(Coordinator.SecretScalar, d1, d2));
        Assert.False(ElGamal.DecryptsOdd(Coordinator.SecretScalar, d1, d2));
    }

    [Fact]
    public void VotesReproduceTheStateAndTallyCommitments()
    {
        var entries = Entries();
        var addKey = Fields(entries.Single(e => e.Type == "proofAddNewKey").Data.GetProperty("d"));
        var d1 = new BabyJubjubPoint(addKey[0], addKey[1]);
        var d2 = new BabyJubjubPoint(addKey[2], addKey[3]);
        var balance = Fr.FromUInt64(100);
        var state = PoseidonMerkleTree.Quinary(StateDepth, PoseidonHash.Hash10(new Fr[10]));
        state.Insert(AmaciHashes.SignUpLeaf(Users[0].PublicKey, balance));
        state.Insert(AmaciHashes.SignUpLeaf(Users[1].PublicKey, balance));
        state.Insert(AmaciHashes.AddNewKeyLeaf(Users[2].PublicKey, balance, d1, d2));

        var votes = entries.Where(e => e.Type == "publishMessage").Select(e => Decrypt(e.Data)).ToList();
        Assert.Equal(3, votes.Count);
        // Users 0 and 1 were deactivated, so only the new key's (state index 2) command can count.
        var counted = votes.Where(v => v.Command.StateIndex == 2).ToList();
        var cmd = Assert.Single(counted).Command;
        Assert.True(counted[0].VerifySignature(Users[2].PublicKey));
        Assert.Equal((1u, 2u, (UInt128)6, 1u), (cmd.Nonce, cmd.VoteOptionIndex, cmd.NewVotes, cmd.PollId));
        foreach (var v in votes.Where(v => v.Command.StateIndex != 2))
            Assert.True(v.VerifySignature(Users[v.Command.StateIndex].PublicKey));

        var voteTree = PoseidonMerkleTree.Quinary(VoteOptionDepth, Fr.Zero);
        voteTree.Update(cmd.VoteOptionIndex, Fr.FromUInt64(6));
        state.Update(2, AmaciHashes.StateLeaf(cmd.NewPublicKey, Fr.FromUInt64(100 - 36), voteTree.Root, Fr.One, d1, d2, Fr.Zero));
        var processed = entries.Single(e => e.Type == "processMessage").Data;
        Assert.Equal(processed.Field("newStateCommitment"), AmaciHashes.Commitment(state.Root, Fr.FromUInt64(20041)));

        var stop = entries.Single(e => e.Type == "stopTallyingPeriod").Data;
        var results = Fields(stop.GetProperty("results"));
        Assert.Equal(Num.F("6000000000000000000000036"), results[2]);
        var resultsRoot = PoseidonMerkleTree.ComputeRoot(5, VoteOptionDepth, Fr.Zero, results);
        var tally = entries.Single(e => e.Type == "processTally").Data;
        Assert.Equal(tally.Field("newTallyCommitment"), AmaciHashes.Commitment(resultsRoot, stop.Field("salt")));
    }
}
