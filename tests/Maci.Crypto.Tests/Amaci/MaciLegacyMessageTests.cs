using System.Numerics;
using System.Text.Json;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.EdDsa;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Tests.Support;
using Maci.TestSupport;
using static Maci.Crypto.Tests.Support.ReferenceOracle;

namespace Maci.Crypto.Tests.Amaci;

/// <summary>
/// Legacy MACI messages (amaci-protocol §8): packing with a salt, signing, 7-element encryption, decryption, and Dora's
/// MACI 2-1-1-5 round (tests/fixtures/dora-maci/round-2-1-1-5.json), whose messages are encrypted to the contract
/// multitest's coordinator key.
/// </summary>
public class MaciLegacyMessageTests
{
    /// <summary>
    /// The formatted (secret-scalar) coordinator key of Dora's MACI contract tests: the circuit input <c>coordPrivKey</c> of
    /// DoraFactory/maci contracts/maci/src/test/msg_test.json (commit 6f08987), whose <c>coordPubKey</c> is the round's key
    /// (x = 3557592…7771). The raw key behind it is not published; decrypting needs only the scalar.
    /// </summary>
    private static readonly Fr FixtureCoordinatorScalar = Num.F("6310661511279165105169780416448368158568408309735512101164896326904417294766");

    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(111111);
    private static readonly MaciKeypair Voter = MaciKeypair.FromPrivateKey(222222);

    [Fact]
    public void PackingPlacesEachFieldAtItsOffsetAndRejectsOversizedValues()
    {
        var packed = MaciLegacyPacking.Pack(1, 2, 3, (UInt128)4, 5);
        var expected = BigInteger.One + (new BigInteger(2) << 32) + (new BigInteger(3) << 64) + (new BigInteger(4) << 96) + (new BigInteger(5) << 192);
        Assert.Equal(expected, packed.ToBigInteger());

        var votes = CommandPacking.MaxVotes - 999;
        MaciLegacyPacking.Unpack(MaciLegacyPacking.Pack(uint.MaxValue, 7, uint.MaxValue, votes, MaciLegacyPacking.MaxSalt), out var n, out var s, out var v, out var w, out var salt);
        Assert.Equal((uint.MaxValue, 7u, uint.MaxValue, votes, MaciLegacyPacking.MaxSalt), (n, s, v, w, salt));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaciLegacyPacking.Pack(0, 0, 0, CommandPacking.MaxVotes + 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaciLegacyPacking.Pack(0, 0, 0, UInt128.Zero, MaciLegacyPacking.MaxSalt + 1));

        // A foreign packed value unpacks to all it holds above bit 192 as the salt.
        var foreign = MaciLegacyCommand.Create(3, 0, 0, UInt128.Zero, 0, default) with { Packed = Num.F((BigInteger.One << 250) + 3) };
        Assert.Equal((3u, 1UL << 58), (foreign.Nonce, foreign.Salt));
    }

    [Fact]
    public void MessagesRoundTripTheSignatureCoversTheSaltAndWrongKeysFail()
    {
        var command = MaciLegacyCommand.Create(1, 4, 2, (UInt128)6, 0xABCDEF0123456, Voter.PublicKey);
        var signed = command.Sign(Voter);
        Assert.True(signed.VerifySignature(Voter.PublicKey));
        Assert.False(signed.VerifySignature(Coordinator.PublicKey));
        Assert.False((signed with { Command = MaciLegacyCommand.Create(1, 4, 2, (UInt128)6, 0xABCDEF0123457, Voter.PublicKey) }).VerifySignature(Voter.PublicKey));

        var ephemeral = MaciKeypair.FromPrivateKey(424242);
        var message = new Fr[MaciLegacyMessage.Length];
        MaciLegacyMessage.Encrypt(signed, ephemeral.SecretScalar, Coordinator.PublicKey, message);
        Assert.True(MaciLegacyMessage.TryDecrypt(message, ephemeral.PublicKey, Coordinator.SecretScalar, out var back));
        Assert.Equal(signed, back);
        Assert.Equal((1u, 4u, 2u, (UInt128)6, 0xABCDEF0123456UL, Voter.PublicKey),
            (back.Command.Nonce, back.Command.StateIndex, back.Command.VoteOptionIndex, back.Command.NewVotes, back.Command.Salt, back.Command.NewPublicKey));
        Assert.True(back.VerifySignature(Voter.PublicKey));
        Assert.Equal(back, MaciLegacyMessage.DecryptWithoutCheck(message, ephemeral.PublicKey, Coordinator.SecretScalar));

        Assert.False(MaciLegacyMessage.TryDecrypt(message, ephemeral.PublicKey, Voter.SecretScalar, out _));
        Assert.False(MaciLegacyMessage.TryDecrypt(message, new BabyJubjubPoint(Fr.One, Fr.One), Coordinator.SecretScalar, out _));
        message[6] += Fr.One;
        Assert.False(MaciLegacyMessage.TryDecrypt(message, ephemeral.PublicKey, Coordinator.SecretScalar, out _));
        message[6] -= Fr.One;
        message[2] += Fr.One;
        Assert.False(MaciLegacyMessage.TryDecrypt(message, ephemeral.PublicKey, Coordinator.SecretScalar, out _));
        Assert.False(MaciLegacyMessage.DecryptWithoutCheck(message, ephemeral.PublicKey, Coordinator.SecretScalar).VerifySignature(Voter.PublicKey));

        Assert.Throws<ArgumentException>(() => MaciLegacyMessage.TryDecrypt(new Fr[MaciMessage.Length], ephemeral.PublicKey, Coordinator.SecretScalar, out _));
        Assert.Throws<ArgumentException>(() => MaciLegacyMessage.Encrypt(signed, ephemeral.SecretScalar, Coordinator.PublicKey, new Fr[6]));
        Assert.Throws<ArgumentException>(() => SignedMaciLegacyCommand.FromPlaintext(new Fr[7]));
    }

    [Fact]
    public void ChainStepIsTheLegacyTwoLevelHash()
    {
        var msg = Enumerable.Range(1, 7).Select(i => Fr.FromUInt64((ulong)i)).ToArray();
        var enc = Coordinator.PublicKey;
        var expected = PoseidonHash.Hash2(PoseidonHash.Hash5(msg[0], msg[1], msg[2], msg[3], msg[4]),
            PoseidonHash.Hash5(msg[5], msg[6], enc.X, enc.Y, Fr.FromUInt64(99)));
        Assert.Equal(expected, MaciLegacyMessage.ChainStep(Fr.FromUInt64(99), msg, enc));
        Assert.NotEqual(expected, MaciLegacyMessage.ChainStep(Fr.FromUInt64(98), msg, enc));
        Assert.Throws<ArgumentException>(() => MaciLegacyMessage.ChainStep(Fr.Zero, new Fr[10], enc));
    }

    [Fact]
    public void FixtureRoundMessagesDecryptToSignedCommandsOfItsVotersThatAddUpToItsResults()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture("dora-maci", "round-2-1-1-5.json")));
        var entries = doc.RootElement.EnumerateArray().ToList();
        Fr[] Fields(JsonElement a) => a.EnumerateArray().Select(e => Num.F(e.GetString()!)).ToArray();
        BabyJubjubPoint Point(JsonElement a) { var f = Fields(a); return new BabyJubjubPoint(f[0], f[1]); }

        var coordinatorKey = new BabyJubjubPoint(
            Num.F("3557592161792765812904087712812111121909518311142005886657252371904276697771"),
            Num.F("4363822302427519764561660537570341277214758164895027920046745209970137856681"));
        Assert.Equal(coordinatorKey, EdDsaPoseidon.MultiplyBase8(FixtureCoordinatorScalar));

        var leaves = entries.Where(e => e.GetProperty("type").GetString() == "setStateLeaf").Select(e => e.GetProperty("data"))
            .ToDictionary(d => uint.Parse(d.GetProperty("leafIdx").GetString()!), d => (Key: Point(d.GetProperty("pubKey")), Balance: ulong.Parse(d.GetProperty("balance").GetString()!)));
        var messages = entries.Where(e => e.GetProperty("type").GetString() == "publishMessage").Select(e => e.GetProperty("data")).ToList();
        Assert.Equal(2, messages.Count);

        var tally = new BigInteger[5];
        var voters = new HashSet<uint>();
        var chain = Fr.Zero;
        foreach (var m in messages)
        {
            var data = Fields(m.GetProperty("message"));
            var enc = Point(m.GetProperty("encPubKey"));
            Assert.True(MaciLegacyMessage.TryDecrypt(data, enc, FixtureCoordinatorScalar, out var cmd), "a fixture message does not decrypt under the multitest coordinator key");
            var c = cmd.Command;
            Assert.True(leaves.ContainsKey(c.StateIndex), $"state index {c.StateIndex} has no leaf");
            Assert.True(cmd.VerifySignature(leaves[c.StateIndex].Key));
            Assert.False(cmd.VerifySignature(leaves[1 - c.StateIndex].Key));
            // Each voter sends one command with nonce 1 that keeps its own key (the older generator did not lock the leaf).
            Assert.Equal(1u, c.Nonce);
            Assert.Equal(leaves[c.StateIndex].Key, c.NewPublicKey);
            Assert.True(c.Salt <= MaciLegacyPacking.MaxSalt);
            Assert.True((ulong)(c.NewVotes * c.NewVotes) <= leaves[c.StateIndex].Balance);
            Assert.True(voters.Add(c.StateIndex));
            tally[c.VoteOptionIndex] += (BigInteger)c.NewVotes * ((BigInteger)c.NewVotes + BigInteger.Pow(10, 24));
            chain = MaciLegacyMessage.ChainStep(chain, data, enc);
        }

        var results = entries.Single(e => e.GetProperty("type").GetString() == "stopTallyingPeriod").GetProperty("data").GetProperty("results");
        Assert.Equal(results.EnumerateArray().Select(r => BigInteger.Parse(r.GetString()!)).ToArray(), tally);
        // The chain over both messages is the process proof's batch end hash.
        var process = entries.Single(e => e.GetProperty("type").GetString() == "processMessage");
        Assert.Equal(process.GetProperty("inputs")[3].GetString(), chain.ToString());
    }

    /// <summary>
    /// The Dora SDK's legacyGenMessageFactory step by step on zk-kit and circomlibjs (tests/js/crypto/reference.cjs): H3 over
    /// the packed value (packed here with BigInteger) and the new key, signMessage with the voter key, ECDH of the ephemeral key
    /// and poseidonEncrypt with nonce 0 each equal the C# builder's step, so the chain gives the message the SDK would make.
    /// </summary>
    [Fact]
    public async Task BuilderMatchesTheSdkLegacyStepsOnZkKit()
    {
        var voterRaw = new BigInteger(222222);
        var ephemeralRaw = new BigInteger(987654321);
        var ephemeral = MaciKeypair.FromPrivateKey(ephemeralRaw);
        var cases = new[] { (Nonce: 2u, State: 3u, Option: 4u, Votes: (UInt128)9, Salt: 0x00FF_EEDD_CCBB_AA99UL, Locks: true),
            (Nonce: 1u, State: 3u, Option: 0u, Votes: (UInt128)1 << 70, Salt: 12345UL, Locks: false) };
        var ops = new List<System.Text.Json.Nodes.JsonObject>();
        var ours = new List<(Fr Hash, SignedMaciLegacyCommand Signed, BabyJubjubPoint Shared, Fr[] Message)>();
        string[] Pair(in BabyJubjubPoint p) => [p.X.ToString(), p.Y.ToString()];
        foreach (var c in cases)
        {
            var newKey = c.Locks ? default : Voter.PublicKey;
            var packed = (BigInteger)c.Nonce + ((BigInteger)c.State << 32) + ((BigInteger)c.Option << 64) + ((BigInteger)c.Votes << 96) + ((BigInteger)c.Salt << 192);
            var command = MaciLegacyCommand.Create(c.Nonce, c.State, c.Option, c.Votes, c.Salt, newKey);
            Assert.Equal(packed, command.Packed.ToBigInteger());
            var signed = command.Sign(Voter);
            var shared = Maci.Crypto.Encryption.Ecdh.SharedKey(ephemeral.SecretScalar, Coordinator.PublicKey);
            var message = new Fr[MaciLegacyMessage.Length];
            MaciLegacyMessage.Encrypt(signed, ephemeral.SecretScalar, Coordinator.PublicKey, message);
            var plaintext = new Fr[SignedMaciLegacyCommand.PlaintextLength];
            signed.WritePlaintext(plaintext);
            ours.Add((command.Hash(), signed, shared, message));
            ops.Add(Op("poseidon", ("inputs", Strings([packed.ToString(), .. Pair(newKey)]))));
            ops.Add(Op("sign", ("key", Convert.ToHexStringLower(Num.MinimalBigEndian(voterRaw))), ("msg", command.Hash().ToString())));
            ops.Add(Op("ecdh", ("key", Convert.ToHexStringLower(Num.MinimalBigEndian(ephemeralRaw))), ("pub", Strings(Pair(Coordinator.PublicKey)))));
            ops.Add(Op("encrypt", ("msg", Strings(plaintext.Select(f => f.ToString()))), ("key", Strings(Pair(shared))), ("nonce", "0")));
        }
        var js = await RunAsync(ops);
        for (var i = 0; i < cases.Length; i++)
        {
            var (hash, signed, shared, message) = ours[i];
            Assert.Equal(hash.ToString(), js[4 * i]!.GetValue<string>());
            Assert.Equal(Pair(signed.Signature.R8), StringArray(js[4 * i + 1]!["r8"]));
            Assert.Equal(signed.Signature.S.ToString(), js[4 * i + 1]!["s"]!.GetValue<string>());
            Assert.Equal(Pair(shared), StringArray(js[4 * i + 2]));
            Assert.Equal(message.Select(f => f.ToString()).ToArray(), StringArray(js[4 * i + 3]));
        }
    }
}
