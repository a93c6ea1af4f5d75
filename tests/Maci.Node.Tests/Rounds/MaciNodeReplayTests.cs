using System.Text.Json.Nodes;
using Maci.Crypto.Amaci;
using Google.Protobuf;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Node.Config;
using Maci.Node.Tests.Host;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport;
using Maci.TestSupport.Dora;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// Dora's non-anonymous MACI 2-1-1-5 round (quadratic cost, dynamic credits 100 and 80, the contract multitest's
/// coordinator key) replayed on a running node whose genesis is the devnet's, which ships the MACI keys the fixture's
/// proofs were made for: every step a signed tx — voters and relayer over JSON-RPC, the operator's proofs and results over
/// gRPC BroadcastTx — with bad variants in between that fail with their code and leave the round unchanged; the round
/// still ends with the fixture's results and the admin withdraws the escrow. A genesis carrying upstream's later MACI
/// 2-1-1-5 keys (γ = δ) stops the node at start unless it sets allow_gamma_equal_delta.
/// </summary>
public sealed class MaciNodeReplayTests
{
    [Fact]
    public async Task Fixture_round_replays_through_signed_txs_and_rejects_bad_variants_without_state_change()
    {
        await using var chain = await RoundsNode.StartAsync();
        var parties = await ReplayParties.FundAsync(chain, "maci-");
        var (admin, anyone, op, voter0, voter1) = parties;

        var p = (await chain.QueryAsync("/maci.rounds.v1.Query/Params", new QueryParamsRequest(), QueryParamsResponse.Parser)).Params;
        Assert.Contains(MaciFixtureRound.Keys(), p.Circuits);
        var fx = new MaciFixtureRound(parties.Addresses, p.DefaultFees, p.Denom);
        var register = await chain.RegisterOperatorAsync(op, MaciFixtureRound.Coordinator, p.Denom);
        Assert.True(register.IsOk, register.Log);

        var (start, end) = await parties.CreateRoundAsync(chain, fx.CreateMsg);
        fx.RoundId = 1;
        var replay = new ReplaySteps(chain, fx);
        var round = (await chain.RoundAsync(1)).Round;
        Assert.Equal(RoundKind.Maci, round.Kind);
        Assert.Equal(AmaciHashes.PublicKeyHash(MaciFixtureRound.Coordinator).ToString(), (await chain.RoundAsync(1)).State.CoordinatorHash);
        Assert.Equal(fx.Nth("processMessage").Inputs[1], (await chain.RoundAsync(1)).State.CoordinatorHash);

        await replay.RejectedAsync("sign-up before voting", voter0, fx.SignUp(0), false, OutsideVoting);
        chain.Clock.Advance(TimeSpan.FromSeconds(100));
        await chain.WaitForBlockTimeAsync(start);
        Assert.True((await chain.RoundAsync(1)).Voting);

        // MACI takes no sign-up fee: the voter pays only gas, and gets the whitelist's credits.
        var gas = UInt128.Parse(Maci.Node.Cli.TxCommands.FeeFor(RoundsNode.GasLimit, "0.0025umaci").Single().Amount);
        for (var i = 0; i < 2; i++)
        {
            var voter = i == 0 ? voter0 : voter1;
            var before = await chain.BalanceAsync(voter.Address);
            var s = await replay.OkAsync($"sign up {i}", voter, fx.SignUp(i), sync: i == 1);
            Assert.Equal([$"{i}"], s.Attr("sign_up", "state_index"));
            Assert.Equal([i == 0 ? "100" : "80"], s.Attr("sign_up", "balance"));
            Assert.Equal(before - gas, await chain.BalanceAsync(voter.Address));
        }
        await replay.RejectedAsync("a second sign-up of a whitelisted account", voter0, Tamper.With(fx.SignUp(0), m => m.Pubkey = Tamper.Key(31)), false,
            AlreadySignedUp);
        await replay.RejectedAsync("a deactivate message in a MACI round", anyone,
            new MsgPublishDeactivateMessage { Sender = anyone.Address, RoundId = 1, Message = fx.Publish(0).Messages[0], EncPubKey = Tamper.Key(32) }, false,
            WrongRoundKind);
        await replay.RejectedAsync("an aMACI-length (10-element) message", anyone,
            Tamper.With(fx.Publish(0), m => m.Messages[0].Data.AddRange(["1", "2", "3"])), false, InvalidMessage);
        await replay.RejectedAsync("a bond of nothing", anyone, fx.Bond("0"), false, InvalidAmount);
        await replay.OkAsync("bond", anyone, fx.Bond("2500"));

        for (var i = 0; i < fx.MessageCount; i++)
        {
            var m = await replay.OkAsync($"publish {i}", anyone, fx.Publish(i), sync: i == 1);
            Assert.Equal([$"{i}"], m.Attr("publish_message", "message_index"));
            Assert.Equal([$"{i + 1}"], m.Attr("publish_message", "msg_chain_length"));
        }

        var (_, votingNow) = await chain.LatestBlockAsync();
        chain.Clock.Advance(TimeSpan.FromSeconds(end - votingNow + 1));
        await chain.WaitForBlockTimeAsync(end + 1);
        Assert.False((await chain.RoundAsync(1)).Voting);
        await replay.RejectedAsync("a vote after voting ended", anyone, Tamper.With(fx.Publish(0), m => m.EncPubKeys[0] = Tamper.Key(99)), false, OutsideVoting);
        await replay.RejectedAsync("processing before the period started", op, fx.ProcessMessage(), true, WrongPeriod);

        await replay.OkAsync("start processing", anyone, fx.StartProcess());
        var st = (await chain.RoundAsync(1)).State;
        Assert.Equal(fx.Nth("processMessage").Inputs[4], st.CurrentStateCommitment);
        await replay.RejectedAsync("process proof with a flipped bit", op, Tamper.With(fx.ProcessMessage(), m => m.Proof = Tamper.FlipBit(m.Proof, 'a', 63)), true, InvalidProof, MalformedProof);
        await replay.RejectedAsync("process proof for another state commitment", op, Tamper.With(fx.ProcessMessage(), m => m.NewStateCommitment = Tamper.Inc(m.NewStateCommitment)), true, InvalidProof);
        await replay.RejectedAsync("the tally proof as a process proof", op, Tamper.With(fx.ProcessMessage(), m => m.Proof = fx.ProcessTally().Proof), true, InvalidProof);
        await replay.OkAsync("process messages", op, fx.ProcessMessage(), grpc: true);
        st = (await chain.RoundAsync(1)).State;
        Assert.Equal(fx.Nth("processMessage").Data.Str("newStateCommitment"), st.CurrentStateCommitment);
        Assert.Equal(2UL, st.ProcessedMsgCount);
        await replay.RejectedAsync("a second process batch", op, fx.ProcessMessage(), true, NothingToProcess);
        await replay.OkAsync("stop processing", anyone, fx.StopProcessing());

        Assert.Equal(fx.Nth("processTally").Inputs[1], (await chain.RoundAsync(1)).State.CurrentStateCommitment);
        await replay.RejectedAsync("tally proof with a flipped bit", op, Tamper.With(fx.ProcessTally(), m => m.Proof = Tamper.FlipBit(m.Proof, 'c', 127)), true, InvalidProof, MalformedProof);
        await replay.RejectedAsync("tally proof for another commitment", op, Tamper.With(fx.ProcessTally(), m => m.NewTallyCommitment = Tamper.Inc(m.NewTallyCommitment)), true, InvalidProof);
        await replay.OkAsync("process tally", op, fx.ProcessTally(), grpc: true);
        Assert.Equal(fx.Nth("processTally").Data.Str("newTallyCommitment"), (await chain.RoundAsync(1)).State.CurrentTallyCommitment);

        await replay.RejectedAsync("results that do not open the tally commitment", op,
            Tamper.With(fx.StopTallying(), m => m.Results[1] = "8000000000000000000000063"), true, ResultsMismatch);
        await replay.RejectedAsync("the fixture's results with another salt", op, Tamper.With(fx.StopTallying(), m => m.Salt = Tamper.Inc(m.Salt)), true, ResultsMismatch);
        await replay.RejectedAsync("a withdraw before the round ended", anyone, fx.Withdraw(), false, WrongPeriod);
        var stop = await replay.OkAsync("stop tallying", op, fx.StopTallying(), grpc: true);
        Assert.Equal([string.Join(",", MaciFixtureRound.Results)], stop.Attr("round_results", "results"));
        Assert.Equal([MaciFixtureRound.Total], stop.Attr("round_results", "total"));

        await AssertFinalStateAsync(chain, fx);
        await AssertWithdrawAsync(chain, replay, fx, round.Admin, UInt128.Parse(p.DefaultFees.BaseFee) + 2500);
    }

    private static async Task AssertFinalStateAsync(RoundsNode chain, MaciFixtureRound fx)
    {
        var st = (await chain.RoundAsync(1)).State;
        Assert.Equal(Period.Ended, st.Period);
        Assert.Equal((2UL, 2UL, 2UL), (st.NumSignUps, st.MsgChainLength, st.ProcessedMsgCount));
        Assert.Equal(MaciFixtureRound.Total, st.TotalResult);

        var viaAbci = await chain.QueryAsync("/maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = 1 }, QueryResultsResponse.Parser);
        var viaGrpc = await chain.Grpc.CallAsync("maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = 1 }, QueryResultsResponse.Parser);
        Assert.Equal(MaciFixtureRound.Results, viaAbci.Results);
        Assert.Equal(viaAbci, viaGrpc);

        // The chain's MACI message hash chain (7-element messages) ends where the fixture's process proof says the batch ends.
        var h = Fr.Zero;
        for (var i = 0; i < fx.MessageCount; i++)
        {
            var m = fx.Publish(i);
            var d = m.Messages[0].Data.Select(Fr.Parse).ToArray();
            h = PoseidonHash.Hash2(PoseidonHash.Hash5(d[0], d[1], d[2], d[3], d[4]),
                PoseidonHash.Hash5(d[5], d[6], Fr.Parse(m.EncPubKeys[0].X), Fr.Parse(m.EncPubKeys[0].Y), h));
        }
        var head = await chain.Grpc.CallAsync("maci.rounds.v1.Query/MessageHash", new QueryMessageHashRequest { RoundId = 1, Index = 2 }, QueryMessageHashResponse.Parser);
        Assert.Equal(h.ToString(), head.Hash);
        Assert.Equal(fx.Nth("processMessage").Inputs[3], head.Hash);
    }

    /// <summary>MACI's payout: anyone may pay the escrow (base fee + bonds) to the admin, in parts, once the round has ended.</summary>
    private static async Task AssertWithdrawAsync(RoundsNode chain, ReplaySteps replay, MaciFixtureRound fx, string roundAdmin, UInt128 escrow)
    {
        var anyone = ChainAccount.FromMnemonic("anyone", TestNode.Mnemonic1);
        var moduleAddress = Maci.Crypto.Cosmos.CosmosAddress.ToBech32(Maci.Sdk.Addresses.AddressCodec.ModuleAddress("rounds"), "maci");
        Assert.Equal(escrow.ToString(), (await chain.RoundAsync(1)).State.Escrow);
        Assert.Equal(escrow, await chain.BalanceAsync(moduleAddress));
        var admin = await chain.BalanceAsync(roundAdmin);

        await replay.RejectedAsync("a withdraw above the escrow", anyone, fx.Withdraw((escrow + 1).ToString()), false, NothingToClaim);
        var part = await replay.OkAsync("withdraw the bond", anyone, fx.Withdraw("2500"));
        Assert.Equal(["1"], part.Attr("withdraw", "round_id"));
        Assert.Equal(admin + 2500, await chain.BalanceAsync(roundAdmin));
        Assert.Equal((escrow - 2500).ToString(), (await chain.RoundAsync(1)).State.Escrow);
        await replay.OkAsync("withdraw the rest", anyone, fx.Withdraw());
        Assert.Equal(admin + escrow, await chain.BalanceAsync(roundAdmin));
        Assert.Equal("0", (await chain.RoundAsync(1)).State.Escrow);
        Assert.Equal(UInt128.Zero, await chain.BalanceAsync(moduleAddress));
        await replay.RejectedAsync("a withdraw of an empty escrow", anyone, fx.Withdraw(), false, NothingToClaim);
    }

    [Fact]
    public async Task A_genesis_with_upstreams_gamma_equal_delta_MACI_keys_is_refused_at_start_unless_allowed()
    {
        var home = WithUpstreamMaciKeys(TestNode.NewHome(), allow: false);
        try
        {
            var e = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => TestNode.StartAsync(home));
            Assert.Contains("invalid genesis", e.Message);
            Assert.Contains("gamma == delta", e.Message);

            // The refused start committed nothing: with the override set, the same home starts from genesis.
            WithUpstreamMaciKeys(home, allow: true);
            await using var node = await TestNode.StartAsync(home);
            using var rpc = new Maci.Node.Cli.NodeRpcClient(node.RpcUrl);
            var q = await rpc.QueryAsync("/maci.rounds.v1.Query/Params", new QueryParamsRequest().ToByteArray(), CancellationToken.None);
            var p = QueryParamsResponse.Parser.ParseFrom(q.Value).Params;
            Assert.True(p.AllowGammaEqualDelta);
            Assert.Contains(DoraFixture.Keys("dora-maci", "2-1-1-5", RoundKind.Maci), p.Circuits);
            Assert.DoesNotContain(MaciFixtureRound.Keys(), p.Circuits);
        }
        finally
        {
            TestNode.DeleteHome(home);
        }
    }

    /// <summary>Replaces the home's MACI 2-1-1-5 genesis keys with upstream's later ones (tests/fixtures/dora-maci/vkeys.json, γ = δ).</summary>
    private static string WithUpstreamMaciKeys(string home, bool allow)
    {
        var path = new NodeHome(home).GenesisFile;
        var doc = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var rounds = doc["app_state"]!["rounds"]!["params"]!;
        var upstream = JsonNode.Parse(File.ReadAllText(RepoPaths.Fixture("dora-maci", "vkeys.json")))!["2-1-1-5"]!;
        var circuit = rounds["circuits"]!.AsArray().Single(c => (string?)c!["kind"] == "ROUND_KIND_MACI" && (int)c!["size"]!["state_tree_depth"]! == 2)!;
        foreach (var part in new[] { "process", "tally" })
        {
            var k = upstream[part]!;
            circuit[part] = new JsonObject
            {
                ["alpha1"] = (string?)k["vk_alpha1"], ["beta2"] = (string?)k["vk_beta_2"], ["gamma2"] = (string?)k["vk_gamma_2"],
                ["delta2"] = (string?)k["vk_delta_2"], ["ic"] = new JsonArray((string?)k["vk_ic0"], (string?)k["vk_ic1"]),
            };
        }
        rounds["allow_gamma_equal_delta"] = allow;
        GenesisFile.Save(path, doc);
        return home;
    }
}
