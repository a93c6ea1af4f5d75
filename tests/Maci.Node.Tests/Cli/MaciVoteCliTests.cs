using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Node.Cli;
using Maci.Node.Tests.Host;
using Maci.Node.Tests.Rounds;

namespace Maci.Node.Tests.Cli;

/// <summary>
/// <c>macid tx round vote</c> in a non-anonymous MACI round (the devnet genesis's MACI 2-1-1-5 keys): the CLI builds Dora's
/// legacy 7-element messages, the chain appends them to the MACI message chain, and each one decrypts with the coordinator's
/// key to the command the voter meant; <c>publish-deactivate</c> is refused for MACI rounds.
/// </summary>
public sealed class MaciVoteCliTests
{
    private const string Pass = "--keyring-passphrase=correct horse battery";
    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(new BigInteger(111111));

    [Fact]
    public async Task Vote_in_a_MACI_round_publishes_legacy_messages_that_decrypt_to_the_voters_commands()
    {
        var clock = new SteppedClock();
        await using var node = await TestNode.StartAsync(clock: clock.Now);
        var home = node.HomeDir;
        string[] Tx(params string[] args) => [.. args, "--home", home, Pass, "--node", node.RpcUrl];
        string[] Q(params string[] args) => [.. args, "--node", node.RpcUrl];
        Ok(await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass));
        Ok(await CliRunner.RunAsync("keys", "import", "bob", "--mnemonic", TestNode.Mnemonic1, "--home", home, Pass));
        var voterA = MaciKeypair.FromPrivateKey(new BigInteger(222));
        var voterB = MaciKeypair.FromPrivateKey(new BigInteger(333));

        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "operator", "register", "alice", "--pubkey", $"{Coordinator.PublicKey.X},{Coordinator.PublicKey.Y}",
            "--deposit", "2000000umaci", "--moniker", "maci-op", "--loss-ratio", "1/10", "--min-premium", "100", "--max-premium", "1000000")));
        var start = DateTimeOffset.FromUnixTimeSeconds(clock.Now().Seconds).AddSeconds(120);
        var created = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "create", "alice", "--kind", "maci", "--operator", TestNode.Address0,
            "--title", "MACI budget", "--option", "a", "--option", "b", "--option", "c", "--option", "d", "--option", "e",
            "--voting-start", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "--voting-end", (start.ToUnixTimeSeconds() + 700).ToString(CultureInfo.InvariantCulture), "--circuit", "2-1-1-5", "--circuit-type", "qv",
            "--dynamic-credits", "--whitelist", $"{TestNode.Address0}:100,{TestNode.Address1}:80", "--max-voters", "25", "-o", "json"));
        Ok(created);
        using (var doc = JsonDocument.Parse(created.Out)) Assert.Equal("1", doc.RootElement.GetProperty("round_id").GetString());

        clock.Advance(TimeSpan.FromSeconds(125));
        await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"voting\": true"), Q("query", "round", "get", "1", "-o", "json"));
        Assert.Contains("state_index: 0", (await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "alice", "1", "--maci-private-key", "222"))).Out);
        Assert.Contains("state_index: 1", (await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "bob", "1", "--maci-private-key", "333"))).Out);
        var escrow = await EscrowAsync(node.RpcUrl);

        // A spreads 3 and 4 over options 0 and 2 (two commands), B puts 5 on option 1.
        var voteA = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-private-key", "222", "--vote", "0:3,2:4", "-o", "json"));
        Ok(voteA);
        string hashA;
        using (var doc = JsonDocument.Parse(voteA.Out))
        {
            Assert.Equal("2", doc.RootElement.GetProperty("msg_chain_length").GetString());
            hashA = doc.RootElement.GetProperty("txhash").GetString()!;
        }
        var voteB = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "bob", "1", "--maci-private-key", "333", "--vote", "1:5", "-o", "json"));
        Ok(voteB);
        string hashB;
        using (var doc = JsonDocument.Parse(voteB.Out))
        {
            Assert.Equal("3", doc.RootElement.GetProperty("msg_chain_length").GetString());
            hashB = doc.RootElement.GetProperty("txhash").GetString()!;
        }

        var published = (await PublishedMessagesAsync(node.RpcUrl, hashA)).Concat(await PublishedMessagesAsync(node.RpcUrl, hashB)).ToList();
        Assert.Equal(3, published.Count);
        var expected = new[]
        {
            (Voter: voterA, Index: 0u, Nonce: 2u, Option: 2u, Votes: 4, Locks: true),
            (Voter: voterA, Index: 0u, Nonce: 1u, Option: 0u, Votes: 3, Locks: false),
            (Voter: voterB, Index: 1u, Nonce: 1u, Option: 1u, Votes: 5, Locks: true),
        };
        var chain = Fr.Zero;
        for (var i = 0; i < published.Count; i++)
        {
            var (data, enc) = published[i];
            var e = expected[i];
            Assert.Equal(MaciLegacyMessage.Length, data.Length);
            Assert.True(MaciLegacyMessage.TryDecrypt(data, enc, Coordinator.SecretScalar, out var cmd), $"message {i} does not decrypt with the coordinator key");
            Assert.False(MaciLegacyMessage.TryDecrypt(data, enc, voterA.SecretScalar, out _));
            var c = cmd.Command;
            Assert.Equal((e.Nonce, e.Index, e.Option, (UInt128)e.Votes), (c.Nonce, c.StateIndex, c.VoteOptionIndex, c.NewVotes));
            Assert.Equal(e.Locks ? default : e.Voter.PublicKey, c.NewPublicKey);
            Assert.True(c.Salt <= MaciLegacyPacking.MaxSalt);
            Assert.True(cmd.VerifySignature(e.Voter.PublicKey));
            Assert.False(cmd.VerifySignature((e.Voter == voterA ? voterB : voterA).PublicKey));
            chain = MaciLegacyMessage.ChainStep(chain, data, enc);
            Assert.Contains($"hash: {chain}", (await CliRunner.RunAsync(Q("query", "round", "message-hash", "1", (i + 1).ToString(CultureInfo.InvariantCulture)))).Out);
        }
        Assert.Equal(3, published.Select(p => p.Enc).Distinct().Count());

        // MACI messages cost no fee: the escrow is what it was; the chain counts three messages.
        var state = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"msg_chain_length\": \"3\""), Q("query", "round", "get", "1", "-o", "json"));
        using (var doc = JsonDocument.Parse(state.Out))
        {
            var s = doc.RootElement.GetProperty("state");
            Assert.Equal("3", s.GetProperty("msg_chain_length").GetString());
            Assert.Equal("2", s.GetProperty("num_sign_ups").GetString());
            Assert.Equal(escrow, s.GetProperty("escrow").GetString());
        }

        var deactivate = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "publish-deactivate", "bob", "1", "--maci-private-key", "333"));
        Assert.Equal(1, deactivate.Code);
        Assert.Equal("Error: round 1 is a MACI round: MACI has no deactivation (publish-deactivate is for aMACI rounds)", deactivate.Err.Trim());
        var unknown = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "bob", "1", "--maci-private-key", "333", "--vote", "5:1"));
        Assert.Equal(1, unknown.Code);
        Assert.Contains("option 5 does not exist (round 1 has 5 options)", unknown.Err);
        Assert.Equal("3", await ChainLengthAsync(node.RpcUrl));
    }

    [Fact]
    public void Maci_payloads_follow_the_sdk_order_and_refuse_an_unknown_format()
    {
        var voter = MaciKeypair.FromPrivateKey(new BigInteger(222));
        var items = VotePayload.MaciVotes(voter, Coordinator.PublicKey, 4, [(1u, (UInt128)2), (3u, (UInt128)1), (4u, (UInt128)7)], 5, MaciMessageFormat.Legacy);
        var commands = items.Select(item =>
        {
            Assert.True(MaciLegacyMessage.TryDecrypt(item.Message.Data.Select(Fr.Parse).ToArray(), new BabyJubjubPoint(Fr.Parse(item.EncPubKey.X), Fr.Parse(item.EncPubKey.Y)),
                Coordinator.SecretScalar, out var cmd));
            Assert.True(cmd.VerifySignature(voter.PublicKey));
            return cmd.Command;
        }).ToList();
        Assert.Equal([(7u, 4u, 4u, (UInt128)7), (6u, 4u, 3u, (UInt128)1), (5u, 4u, 1u, (UInt128)2)],
            commands.Select(c => (c.Nonce, c.StateIndex, c.VoteOptionIndex, c.NewVotes)).ToArray());
        Assert.Equal([default, voter.PublicKey, voter.PublicKey], commands.Select(c => c.NewPublicKey).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => VotePayload.MaciVotes(voter, Coordinator.PublicKey, 0, [(0u, UInt128.One)], 1, (MaciMessageFormat)7));
    }

    [Fact]
    public void Poll_id_format_payloads_are_ten_element_messages_carrying_the_round_id()
    {
        var voter = MaciKeypair.FromPrivateKey(new BigInteger(333));
        var items = VotePayload.MaciVotes(voter, Coordinator.PublicKey, 2, [(0u, (UInt128)3), (2u, (UInt128)4)], 1, MaciMessageFormat.PollId, pollId: 9);
        var commands = items.Select(item =>
        {
            Assert.Equal(10, item.Message.Data.Count);
            Assert.True(MaciMessage.TryDecrypt(item.Message.Data.Select(Fr.Parse).ToArray(), new BabyJubjubPoint(Fr.Parse(item.EncPubKey.X), Fr.Parse(item.EncPubKey.Y)),
                Coordinator.SecretScalar, out var cmd));
            Assert.True(cmd.VerifySignature(voter.PublicKey));
            return cmd.Command;
        }).ToList();
        Assert.Equal([(2u, 2u, 2u, (UInt128)4, 9u), (1u, 2u, 0u, (UInt128)3, 9u)],
            commands.Select(c => (c.Nonce, c.StateIndex, c.VoteOptionIndex, c.NewVotes, c.PollId)).ToArray());
        Assert.Equal([default, voter.PublicKey], commands.Select(c => c.NewPublicKey).ToArray());
    }

    private static void Ok((int Code, string Out, string Err) r) => Assert.True(r.Code == 0, r.Err + r.Out);

    private static async Task<string> EscrowAsync(string rpc)
    {
        var r = await CliRunner.RunAsync("query", "round", "get", "1", "--node", rpc, "-o", "json");
        Ok(r);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("state").GetProperty("escrow").GetString()!;
    }

    private static async Task<string> ChainLengthAsync(string rpc)
    {
        var r = await CliRunner.RunAsync("query", "round", "get", "1", "--node", rpc, "-o", "json");
        Ok(r);
        using var doc = JsonDocument.Parse(r.Out);
        return doc.RootElement.GetProperty("state").GetProperty("msg_chain_length").GetString()!;
    }

    /// <summary>The publish_message events of a tx (data and encryption key), in chain order.</summary>
    private static async Task<List<(Fr[] Data, BabyJubjubPoint Enc)>> PublishedMessagesAsync(string rpc, string hash)
    {
        var r = await CliRunner.RunAsync("query", "tx", hash, "--node", rpc, "-o", "json");
        Ok(r);
        using var doc = JsonDocument.Parse(r.Out);
        var list = new List<(Fr[], BabyJubjubPoint)>();
        foreach (var e in doc.RootElement.GetProperty("tx_result").GetProperty("events").EnumerateArray())
        {
            if (e.GetProperty("type").GetString() != "publish_message") continue;
            string Attr(string key) => e.GetProperty("attributes").EnumerateArray().First(a => a.GetProperty("key").GetString() == key).GetProperty("value").GetString()!;
            var enc = Attr("enc_pub_key").Split(',');
            list.Add((Attr("data").Split(',').Select(Fr.Parse).ToArray(), new BabyJubjubPoint(Fr.Parse(enc[0]), Fr.Parse(enc[1]))));
        }
        return list;
    }
}
