using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Cosmos;
using Maci.Node.Cli;
using Maci.Node.Tests.Host;
using Maci.Sdk.Addresses;

namespace Maci.Node.Tests.Cli;

/// <summary>macid tx round / query round / keys maci against a running node whose block clock the test can move forward.</summary>
public partial class RoundCliTests
{
    private const string Pass = "--keyring-passphrase=correct horse battery";
    private const long VotingSeconds = 700;

    private static readonly MaciKeypair Coordinator = MaciKeypair.FromPrivateKey(new BigInteger(111111));

    [Fact]
    public async Task Round_lifecycle_insurance_sign_up_vote_queries_and_errors()
    {
        await using var node = await ClockNode.StartAsync();
        var home = node.Home;
        string[] Tx(params string[] args) => [.. args, "--home", home, Pass, "--node", node.RpcUrl];
        string[] Q(params string[] args) => [.. args, "--node", node.RpcUrl];
        Ok(await CliRunner.RunAsync("keys", "import", "alice", "--mnemonic", TestNode.Mnemonic0, "--home", home, Pass));
        Ok(await CliRunner.RunAsync("keys", "import", "bob", "--mnemonic", TestNode.Mnemonic1, "--home", home, Pass));
        var keyA = Path.Combine(home, "voter-a.json");
        Ok(await CliRunner.RunAsync("keys", "maci", "generate", "--private-key", "222", "--out", keyA));
        var voterA = MaciKeypair.FromPrivateKey(new BigInteger(222));
        var voterB = MaciKeypair.FromPrivateKey(new BigInteger(333));
        var pubA = $"{voterA.PublicKey.X},{voterA.PublicKey.Y}";

        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "operator", "register", "alice", "--pubkey", Point(Coordinator.PublicKey), "--deposit", "2000000umaci",
            "--moniker", "op-one", "--loss-ratio", "1/10", "--min-premium", "100", "--max-premium", "1000000")));

        // Round 1: aMACI, quadratic, whitelist of alice and bob, deactivation on. Round 2: nobody signs up.
        var start = node.ChainNow.AddSeconds(120);
        var created = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "Budget",
            "--option", "parks", "--option", "roads", "--option", "schools", "--voting-start", start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            "--voting-end", (start.ToUnixTimeSeconds() + VotingSeconds).ToString(CultureInfo.InvariantCulture), "--circuit", "2-1-1-5", "--circuit-type", "qv",
            "--voice-credits", "100", "--whitelist", $"{TestNode.Address0},{TestNode.Address1}", "--deactivate", "--max-votes-per-option", "10", "-o", "json"));
        Ok(created);
        using (var doc = JsonDocument.Parse(created.Out)) Assert.Equal("1", doc.RootElement.GetProperty("round_id").GetString());
        var whitelistFile = Path.Combine(home, "whitelist.txt");
        File.WriteAllText(whitelistFile, $"# voters\n{TestNode.Address1}\n");
        var second = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "Empty",
            "--option", "yes", "--option", "no", "--voting-start", start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            "--voting-end", (start.ToUnixTimeSeconds() + 650).ToString(CultureInfo.InvariantCulture), "--circuit", "2-1-1-5",
            "--voice-credits", "10", "--whitelist", "@" + whitelistFile));
        Ok(second);
        Assert.Contains("round_id: 2", second.Out);

        // Insurance bought before voting starts: exact balance moves, locked coverage, escrowed premium.
        var insuranceAccount = Bech32.Encode("maci", AddressCodec.ModuleAddress("insurance"));
        var aliceBefore = await BalanceAsync(node, TestNode.Address0);
        var moduleBefore = await BalanceAsync(node, insuranceAccount);
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "insurance", "buy", "alice", "1", TestNode.Address0, "50000umaci", "--gas", "500000", "--fees", "2000umaci")));
        var policy = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("POLICY_STATUS_ACTIVE"), Q("query", "insurance", "policy", "1", "-o", "json"));
        using (var doc = JsonDocument.Parse(policy.Out))
        {
            var p = doc.RootElement.GetProperty("policy");
            Assert.Equal("50000", p.GetProperty("premium").GetString());
            Assert.Equal("500000", p.GetProperty("coverage").GetString());
            Assert.Equal("250000", p.GetProperty("voting_part").GetString());
        }
        Assert.Equal(aliceBefore - 52000, await BalanceAsync(node, TestNode.Address0));
        Assert.Equal(moduleBefore + 50000, await BalanceAsync(node, insuranceAccount));
        var op = await CliRunner.RunAsync(Q("query", "operator", TestNode.Address0, "-o", "json"));
        using (var doc = JsonDocument.Parse(op.Out))
        {
            Assert.Equal("500000", doc.RootElement.GetProperty("operator").GetProperty("locked").GetString());
            Assert.Equal("2000000", doc.RootElement.GetProperty("operator").GetProperty("deposit").GetString());
            Assert.Equal("1500000", doc.RootElement.GetProperty("available").GetString());
        }

        // Admin edits before voting, and queries in both forms.
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "set-info", "alice", "1", "--description", "City budget 2027")));
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "set-options", "alice", "2", "--option", "yes", "--option", "no", "--option", "maybe")));
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "set-max-votes", "alice", "2", "5")));
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "update-registration", "alice", "2", "--deactivate", "true", "--voice-credits", "20")));
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "set-max-votes", "bob", "2", "7")), "sender is not the round admin");
        var edited = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("maybe"), Q("query", "round", "get", "2", "-o", "json"));
        using (var doc = JsonDocument.Parse(edited.Out))
        {
            var r = doc.RootElement.GetProperty("round");
            Assert.Equal(["yes", "no", "maybe"], r.GetProperty("vote_options").EnumerateArray().Select(e => e.GetString()!).ToArray());
            Assert.Equal("5", r.GetProperty("max_votes_per_option").GetString());
            Assert.True(r.GetProperty("deactivate_enabled").GetBoolean());
            Assert.Equal("20", r.GetProperty("voice_credit_mode").GetProperty("unified_amount").GetString());
            Assert.Equal(TestNode.Address1, r.GetProperty("registration_mode").GetProperty("static_whitelist").GetProperty("users")[0].GetProperty("address").GetString());
        }
        var get = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("City budget"), Q("query", "round", "get", "1"));
        Assert.Contains("round.info.title: Budget", get.Out);
        Assert.Contains("round.info.description: City budget 2027", get.Out);
        Assert.Contains("state.period: PERIOD_PENDING", get.Out);
        Assert.Contains("voting: false", get.Out);
        Assert.Contains($"round.coordinator.x: {Coordinator.PublicKey.X}", get.Out);
        var list = await CliRunner.RunAsync(Q("query", "round", "list", "--operator", TestNode.Address0, "--count-total"));
        Ok(list);
        Assert.Contains("1\tamaci\tpending", list.Out);
        Assert.Contains("total: 2", list.Out);
        Assert.Contains("No rounds.", (await CliRunner.RunAsync(Q("query", "round", "list", "--status", "ended"))).Out);
        var parameters = await CliRunner.RunAsync(Q("query", "round", "params"));
        Assert.Contains("params.denom: umaci", parameters.Out);
        Assert.Contains("params.circuits: amaci 2-1-1-5, amaci 9-4-3-125", parameters.Out);
        Assert.Contains("poll_id: 3", (await CliRunner.RunAsync(Q("query", "round", "next-poll-id"))).Out);
        using (var doc = JsonDocument.Parse((await CliRunner.RunAsync(Q("query", "round", "vkeys", "1", "-o", "json"))).Out))
            Assert.Equal(128, doc.RootElement.GetProperty("keys").GetProperty("process").GetProperty("alpha1").GetString()!.Length);

        var early = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "alice", "1", "--maci-key", keyA));
        OneLine(early, "not within the voting period");
        Assert.Contains("simulation failed with code 8", early.Err);

        // Voting starts; two voters sign up (key file and private key flag).
        node.Advance(TimeSpan.FromSeconds(125));
        await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"voting\": true"), Q("query", "round", "get", "1", "-o", "json"));
        var signA = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "alice", "1", "--maci-key", keyA, "-o", "json"));
        Ok(signA);
        using (var doc = JsonDocument.Parse(signA.Out)) Assert.Equal("0", doc.RootElement.GetProperty("state_index").GetString());
        var signB = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "bob", "1", "--maci-private-key", "333"));
        Ok(signB);
        Assert.Contains("state_index: 1", signB.Out);
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "signup", "alice", "1", "--maci-private-key", "444")), "has already signed up");
        var index = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("found: True", StringComparison.OrdinalIgnoreCase),
            Q("query", "round", "signup-index", "1", "--pubkey", Point(voterB.PublicKey)));
        Assert.Contains("state_index: 1", index.Out);

        // Votes: A spreads 3 and 4 (cost 9 + 16 of 100), B puts 5 on roads.
        var voteA = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-key", keyA, "--vote", "0:3", "--vote", "2:4", "-o", "json"));
        Ok(voteA);
        string hashA;
        using (var doc = JsonDocument.Parse(voteA.Out))
        {
            Assert.Equal("2", doc.RootElement.GetProperty("msg_chain_length").GetString());
            hashA = doc.RootElement.GetProperty("txhash").GetString()!;
        }
        var voteB = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "bob", "1", "--maci-private-key", "333", "--vote", "1:5"));
        Ok(voteB);
        Assert.Contains("msg_chain_length: 3", voteB.Out);

        // The published messages decrypt with the coordinator's key to exactly the commands voter A signed.
        var published = await PublishedMessagesAsync(node, hashA);
        Assert.Equal(2, published.Count);
        var expected = new[] { (Nonce: 2u, Option: 2u, Votes: 4, Locks: true), (Nonce: 1u, Option: 0u, Votes: 3, Locks: false) };
        for (var i = 0; i < 2; i++)
        {
            Assert.True(MaciMessage.TryDecrypt(published[i].Data, published[i].Enc, Coordinator.SecretScalar, out var cmd));
            Assert.Equal(expected[i].Nonce, cmd.Command.Nonce);
            Assert.Equal(0u, cmd.Command.StateIndex);
            Assert.Equal(expected[i].Option, cmd.Command.VoteOptionIndex);
            Assert.Equal((UInt128)expected[i].Votes, cmd.Command.NewVotes);
            Assert.Equal(1u, cmd.Command.PollId);
            Assert.Equal(expected[i].Locks ? default : voterA.PublicKey, cmd.Command.NewPublicKey);
            Assert.True(cmd.VerifySignature(voterA.PublicKey));
        }
        Assert.NotEqual(published[0].Enc, published[1].Enc);
        var chain = AmaciHashes.MessageChainStep(AmaciHashes.MessageChainStep(Fr.Zero, published[0].Data, published[0].Enc), published[1].Data, published[1].Enc);
        Assert.Contains($"hash: {chain}", (await CliRunner.RunAsync(Q("query", "round", "message-hash", "1", "2"))).Out);
        var state = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"msg_chain_length\": \"3\""), Q("query", "round", "get", "1", "-o", "json"));
        using (var doc = JsonDocument.Parse(state.Out))
        {
            var s = doc.RootElement.GetProperty("state");
            Assert.Equal("2", s.GetProperty("num_sign_ups").GetString());
            Assert.Equal((46000000 + 2 * 48000 + 3 * 121000).ToString(CultureInfo.InvariantCulture), s.GetProperty("escrow").GetString());
        }

        // A prebuilt message through the tools path; its encryption key cannot be used twice.
        var raw = VotePayload.Votes(voterB, Coordinator.PublicKey, 1, 1, [(2u, (UInt128)1)], 1)[0];
        string[] publish = ["tx", "round", "publish", "bob", "1", "--message", string.Join(",", raw.Message.Data), "--enc-pubkey", $"{raw.EncPubKey.X},{raw.EncPubKey.Y}"];
        var published4 = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx(publish));
        Ok(published4);
        Assert.Contains("msg_chain_length: 4", published4.Out);
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx(publish)), "encryption public key already used");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "publish", "bob", "1", "--message", "1,2,3", "--enc-pubkey", $"{raw.EncPubKey.X},{raw.EncPubKey.Y}")),
            "round 1 takes 10 elements per message, got 3");

        // Vote errors: one line each, before or from the chain.
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-key", keyA, "--vote", "7:1")), "option 7 does not exist");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-key", keyA, "--vote", "0:11")), "exceeds the round's cap of 10");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "99", "--maci-key", keyA, "--vote", "0:1")), "round 99: not found");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-private-key", "555", "--vote", "0:1")), "has not signed up in round 1");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "vote", "alice", "1", "--maci-key", keyA, "--vote", "0:1", "--gas", "300000", "--fees", "1umaci")),
            "insufficient fee");
        OneLine(await CliRunner.RunAsync(Q("query", "round", "get", "99")), "round 99: not found");
        OneLine(await CliRunner.RunAsync(Q("query", "round", "results", "1")), "Error: round 1 has no results yet");
        OneLine(await CliRunner.RunAsync(Q("query", "round", "state-node", "1", "999")), "invalid request: node index 999 is outside the state tree");
        var registration = await CliRunner.RunAsync(Q("query", "round", "registration", "1", "--sender", TestNode.Address1));
        Ok(registration);
        Assert.Contains("can_sign_up: false", registration.Out);
        Assert.Contains("is_registered: true", registration.Out);

        // Deactivation: an account that cannot pay the deactivate fee, then bob; a bad proof is refused on chain.
        var carol = await CliRunner.RunAsync("keys", "add", "carol", "--home", home, Pass, "-o", "json");
        Ok(carol);
        string carolAddress;
        using (var doc = JsonDocument.Parse(carol.Out)) carolAddress = doc.RootElement.GetProperty("address").GetString()!;
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "bank", "send", "alice", carolAddress, "60000umaci")));
        await InsuranceCliTests.QueryUntilAsync(o => o.Contains("60000umaci"), Q("query", "bank", "balances", carolAddress));
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "publish-deactivate", "carol", "1", "--maci-private-key", "333")), "insufficient funds");
        var deactivate = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "publish-deactivate", "bob", "1", "--maci-private-key", "333"));
        Ok(deactivate);
        Assert.Contains("dmsg_chain_length: 1", deactivate.Out);
        var dmsg = (await PublishedMessagesAsync(node, deactivate.Out.Split('\n')[0]["txhash: ".Length..].Trim(), "publish_deactivate_message")).Single();
        Assert.True(MaciMessage.TryDecrypt(dmsg.Data, dmsg.Enc, Coordinator.SecretScalar, out var dcmd));
        Assert.Equal((0u, 1u, 0u, UInt128.Zero, 1u), (dcmd.Command.Nonce, dcmd.Command.StateIndex, dcmd.Command.VoteOptionIndex, dcmd.Command.NewVotes, dcmd.Command.PollId));
        Assert.Equal(default, dcmd.Command.NewPublicKey);
        Assert.True(dcmd.VerifySignature(voterB.PublicKey));
        var badProof = Path.Combine(home, "deactivate-proof.json");
        File.WriteAllText(badProof, FixtureProof("proofDeactivate"));
        var refused = await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "process-deactivate", "alice", "1", "--size", "1",
            "--new-deactivate-commitment", "12345", "--new-deactivate-root", "678", "--proof", badProof, "--gas", "3000000"));
        OneLine(refused, "failed with code 19 (rounds)");
        Assert.Contains("deactivate proof of round 1 does not verify", refused.Err);
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "upload-deactivate", "alice", "1", "--leaf", "1,2,3,4,5")));
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "upload-deactivate", "bob", "1", "--leaf", "1,2,3,4,5")), "sender is not the round operator");

        // After voting: round 1 still has an unprocessed deactivate message; round 2 (no sign-ups) runs to the end.
        node.Advance(TimeSpan.FromSeconds(VotingSeconds + 100));
        await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"voting\": false"), Q("query", "round", "get", "2", "-o", "json"));
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "start-process", "bob", "1")), "deactivate messages are still unprocessed");
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "process", "bob", "1", "--new-state-commitment", "1", "--proof", badProof)),
            "not allowed in the round's current period");
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "start-process", "bob", "2")));
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "stop-process", "bob", "2")));
        OneLine(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "stop-tally", "bob", "2", "--results", "1,0", "--salt", "0")), "a round without voters has only zero results");
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "stop-tally", "bob", "2", "--results", "0,0", "--salt", "0")));
        var results = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("total"), Q("query", "round", "results", "2", "-o", "json"));
        using (var doc = JsonDocument.Parse(results.Out))
            Assert.Equal(["0", "0"], doc.RootElement.GetProperty("results").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Ok(await InsuranceCliTests.RunTxAsync(node.RpcUrl, Tx("tx", "round", "claim", "bob", "2")));
        var ended = await InsuranceCliTests.QueryUntilAsync(o => o.Contains("\"claimed\": true"), Q("query", "round", "get", "2", "-o", "json"));
        Assert.Contains("PERIOD_ENDED", ended.Out);
        Assert.Contains("2\tamaci\tended", (await CliRunner.RunAsync(Q("query", "round", "list", "--status", "ended"))).Out);
        Assert.Contains("records: []", (await CliRunner.RunAsync(Q("query", "round", "delays", "2"))).Out);
    }

    [Fact]
    public async Task Maci_key_file_round_trips_and_show_prints_the_packed_key()
    {
        var dir = Path.Combine(Path.GetTempPath(), "macid-keys-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var file = Path.Combine(dir, "k.json");
            var generated = await CliRunner.RunAsync("keys", "maci", "generate", "--out", file, "-o", "json");
            Ok(generated);
            using var doc = JsonDocument.Parse(generated.Out);
            Assert.False(doc.RootElement.TryGetProperty("private_key", out _));
            var stored = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            var key = MaciKeypair.FromPrivateKey(BigInteger.Parse(stored.GetProperty("private_key").GetString()!, CultureInfo.InvariantCulture));
            Assert.Equal(key.PublicKey.X.ToString(), doc.RootElement.GetProperty("pub_key").GetProperty("x").GetString());
            if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));

            var show = await CliRunner.RunAsync("keys", "maci", "show", "--maci-key", file);
            Ok(show);
            Span<byte> packed = stackalloc byte[32];
            key.PublicKey.Pack(packed);
            Assert.True(BabyJubjubPoint.TryUnpack(packed, out var unpacked) && unpacked == key.PublicKey);
            Assert.Contains($"pubkey: {key.PublicKey.X},{key.PublicKey.Y}", show.Out);
            Assert.Contains($"packed: {new BigInteger(packed, isUnsigned: true)}", show.Out);
            Assert.DoesNotContain("private_key", show.Out);

            var again = await CliRunner.RunAsync("keys", "maci", "generate", "--out", file);
            Assert.Equal(1, again.Code);
            Assert.Contains("already exists", again.Err);
            var fixedKey = await CliRunner.RunAsync("keys", "maci", "generate", "--private-key", "111111");
            Assert.Contains($"pubkey: {Coordinator.PublicKey.X},{Coordinator.PublicKey.Y}", fixedKey.Out);
            File.WriteAllText(file, "{\"private_key\":\"5\",\"pub_key\":{\"x\":\"1\",\"y\":\"2\"}}");
            OneLine(await CliRunner.RunAsync("keys", "maci", "show", "--maci-key", file), "pub_key does not belong to private_key");
            OneLine(await CliRunner.RunAsync("keys", "maci", "show", "--maci-private-key", "0"), "the key reduces to zero");
            OneLine(await CliRunner.RunAsync("keys", "maci", "generate", "--private-key", "0x"), "expected a decimal or 0x-hex integer");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Proof_files_are_checked_before_anything_is_sent()
    {
        var dir = Directory.CreateTempSubdirectory("macid-proof-").FullName;
        try
        {
            var garbage = Path.Combine(dir, "garbage.json");
            File.WriteAllText(garbage, "{\"pi_a\": [\"1\", \"2\", \"1\"], \"pi_b\": [[\"1\",\"2\"],[\"3\",\"4\"],[\"1\",\"0\"]], \"pi_c\": [\"1\",\"2\",\"1\"], \"protocol\": \"groth16\", \"curve\": \"bn128\"}");
            var truncated = Path.Combine(dir, "short.hex");
            File.WriteAllText(truncated, new string('a', 100));
            var good = Path.Combine(dir, "good.json");
            File.WriteAllText(good, FixtureProof("processMessage"));
            foreach (var (path, expected) in new[] { (garbage, "invalid proof file"), (truncated, "512 hex characters"), (Path.Combine(dir, "none.json"), "cannot read proof file") })
            {
                var r = await CliRunner.RunAsync("tx", "round", "tally", "alice", "1", "--new-tally-commitment", "5", "--proof", path, "--node", "http://127.0.0.1:1");
                OneLine(r, expected);
            }
            // The EVM form, its snarkjs proof.json form and the 512-hex form decode to the same wire proof.
            var wire = ProofFile.Read(good);
            var proof = Maci.Crypto.Groth16.Proof.FromEvmHex(wire.A, wire.B, wire.C);
            var snark = Path.Combine(dir, "snark.json");
            File.WriteAllText(snark, Maci.Crypto.Groth16.SnarkjsJson.WriteProof(proof));
            Assert.Equal(wire, ProofFile.Read(snark));
            var hex = Path.Combine(dir, "proof.hex");
            File.WriteAllText(hex, wire.A + wire.B + wire.C);
            Assert.Equal(wire, ProofFile.Read(hex));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("invalid --circuit '2-1-1'", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "1000", "--circuit", "2-1-1", "--voice-credits", "1", "--whitelist", TestNode.Address0)]
    [InlineData("invalid --voting-start 'tomorrow'", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "tomorrow", "--voting-end", "1000", "--circuit", "2-1-1-5", "--voice-credits", "1", "--whitelist", TestNode.Address0)]
    [InlineData("invalid --voting-end '2026-01-02T10:00:00'", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "2026-01-02T10:00:00", "--circuit", "2-1-1-5", "--voice-credits", "1", "--whitelist", TestNode.Address0)]
    [InlineData("invalid --circuit-type 'square'", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "1000", "--circuit", "2-1-1-5", "--circuit-type", "square", "--voice-credits", "1", "--whitelist", TestNode.Address0)]
    [InlineData("give one registration mode", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "1000", "--circuit", "2-1-1-5", "--voice-credits", "1", "--whitelist", TestNode.Address0, "--oracle-pubkey", "AA==")]
    [InlineData("give the voice credits", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "1000", "--circuit", "2-1-1-5", "--whitelist", TestNode.Address0)]
    [InlineData("invalid whitelist address 'maci1x'", "tx", "round", "create", "alice", "--operator", TestNode.Address0, "--title", "t", "--option", "a", "--voting-start", "100", "--voting-end", "1000", "--circuit", "2-1-1-5", "--voice-credits", "1", "--whitelist", "maci1x")]
    [InlineData("invalid --pubkey: not a Baby Jubjub point with x ≠ 0", "tx", "round", "signup", "alice", "1", "--pubkey", "1,2")]
    [InlineData("invalid --pubkey '12': expected X,Y", "tx", "round", "signup", "alice", "1", "--pubkey", "12")]
    [InlineData("invalid --vote '0-3'", "tx", "round", "vote", "alice", "1", "--maci-private-key", "5", "--vote", "0-3")]
    [InlineData("option 1 is given twice", "tx", "round", "vote", "alice", "1", "--maci-private-key", "5", "--vote", "1:1,1:2")]
    [InlineData("give the voter's MACI key", "tx", "round", "vote", "alice", "1", "--vote", "0:1")]
    [InlineData("invalid --maci-private-key", "tx", "round", "publish-deactivate", "alice", "1", "--maci-private-key", "twelve")]
    [InlineData("3 --message with 1 --enc-pubkey", "tx", "round", "publish", "alice", "1", "--message", "1", "--message", "2", "--message", "3", "--enc-pubkey", "1,2")]
    [InlineData("invalid --d: expected 4", "tx", "round", "add-new-key", "alice", "1", "--maci-private-key", "5", "--nullifier", "1", "--d", "1,2,3", "--proof", "p.json")]
    [InlineData("invalid --results[1] 'x'", "tx", "round", "stop-tally", "alice", "1", "--results", "1,x", "--salt", "0")]
    [InlineData("invalid --leaf[0]: expected 5", "tx", "round", "upload-deactivate", "alice", "1", "--leaf", "1,2")]
    [InlineData("invalid round id '0'", "tx", "round", "claim", "alice", "0")]
    [InlineData("nothing to change", "tx", "round", "set-info", "alice", "1")]
    [InlineData("invalid round id 'x'", "query", "round", "get", "x")]
    [InlineData("invalid --status 'open'", "query", "round", "list", "--status", "open")]
    [InlineData("give the MACI public key", "query", "round", "signup-index", "1")]
    [InlineData("invalid index '-1'", "query", "round", "state-node", "1", "-1")]
    public async Task Bad_round_input_fails_with_one_clear_line_before_any_node_call(string expected, params string[] args)
    {
        var (code, _, err) = await CliRunner.RunAsync([.. args, "--node", "http://127.0.0.1:1"]);
        Assert.Equal(1, code);
        Assert.StartsWith("Error: ", err);
        Assert.Contains(expected, err);
        Assert.Single(err.Trim().Split('\n'));
    }
}
