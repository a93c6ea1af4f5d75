using Maci.Crypto.Amaci;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Trees;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport.Dora;
using static Maci.Modules.Rounds.Types.RoundsErrors;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// Dora's 2-1-1-5 aMACI round (poll id 1, quadratic cost, coordinator key from raw key 111111) replayed on a running
/// node: every step a signed tx — voters over JSON-RPC, the operator's proofs over gRPC BroadcastTx — with bad variants
/// (flipped proof bits, changed commitments, reused nullifier and encryption key, wrong period, wrong account) delivered
/// in between: each fails with its code and leaves the round unchanged, and the round still ends with the fixture's results.
/// </summary>
public sealed class AmaciNodeReplayTests
{
    [Fact]
    public async Task Fixture_round_replays_through_signed_txs_and_rejects_bad_variants_without_state_change()
    {
        await using var chain = await RoundsNode.StartAsync();
        var parties = await ReplayParties.FundAsync(chain, "");
        var (admin, anyone, op, voter0, voter1) = parties;

        var p = (await chain.QueryAsync("/maci.rounds.v1.Query/Params", new QueryParamsRequest(), QueryParamsResponse.Parser)).Params;
        var fx = new AmaciFixtureRound(parties.Addresses, p.DefaultFees, p.Denom);
        var coordinator = AmaciFixtureRound.Coordinator.PublicKey;

        // The operator registers its coordinator key (insurance) over gRPC, as it submits everything else.
        var register = await chain.RegisterOperatorAsync(op, coordinator, p.Denom);
        Assert.True(register.IsOk, register.Log);

        var (start, end) = await parties.CreateRoundAsync(chain, fx.CreateMsg);
        fx.RoundId = 1;
        var replay = new ReplaySteps(chain, fx);
        Assert.False((await chain.RoundAsync(1)).Voting);
        Assert.Equal(AmaciHashes.PublicKeyHash(coordinator).ToString(), (await chain.RoundAsync(1)).State.CoordinatorHash);

        await replay.RejectedAsync("sign-up before voting", voter0, fx.SignUp(0), false, OutsideVoting);
        await replay.RejectedAsync("start processing during pending", anyone, fx.StartProcess(), false, VotingNotEnded);
        await replay.RejectedAsync("round info set by a non-admin", anyone,
            new MsgSetRoundInfo { Sender = anyone.Address, RoundId = 1, Info = new RoundText { Title = "not yours" } }, false, NotAdmin);

        chain.Clock.Advance(TimeSpan.FromSeconds(100));
        await chain.WaitForBlockTimeAsync(start);
        Assert.True((await chain.RoundAsync(1)).Voting);

        var signUp0 = await replay.OkAsync("sign up 0", voter0, fx.SignUp(0));
        Assert.Equal(["0"], signUp0.Attr("sign_up", "state_index"));
        await replay.RejectedAsync("sign-up by an account not on the whitelist", anyone, Tamper.With(fx.SignUp(1), m => m.Sender = anyone.Address), false, NotWhitelisted);
        var signUp1 = await replay.OkAsync("sign up 1", voter1, fx.SignUp(1), sync: true);
        Assert.Equal(["1"], signUp1.Attr("sign_up", "state_index"));

        for (var i = 0; i < 2; i++)
        {
            var d = await replay.OkAsync($"deactivate {i}", anyone, fx.Deactivate(i));
            Assert.Equal([$"{i}"], d.Attr("publish_deactivate_message", "dmsg_index"));
            Assert.Equal([$"{i + 1}"], d.Attr("publish_deactivate_message", "dmsg_chain_length"));
        }

        await replay.RejectedAsync("upload by a non-operator", anyone, Tamper.With(fx.UploadDeactivate(), m => m.Sender = anyone.Address), false, NotOperator);
        var upload = await replay.OkAsync("upload deactivate leaves", op, fx.UploadDeactivate(), grpc: true);
        var leaves = upload.Attr("upload_deactivate_message", "leaves").Single().Split(';');
        Assert.Equal(fx.Nth("proofDeactivate").Data.Str("newDeactivateRoot"), DeactivateRoot(leaves).ToString());

        await replay.RejectedAsync("deactivate proof with a flipped bit", op, Tamper.With(fx.ProcessDeactivate(), m => m.Proof = Tamper.FlipBit(m.Proof, 'a', 63)), true, InvalidProof, MalformedProof);
        await replay.RejectedAsync("deactivate proof for another commitment", op, Tamper.With(fx.ProcessDeactivate(), m => m.NewDeactivateCommitment = Tamper.Inc(m.NewDeactivateCommitment)), true, InvalidProof);
        await replay.RejectedAsync("deactivate proof for another root", op, Tamper.With(fx.ProcessDeactivate(), m => m.NewDeactivateRoot = Tamper.Inc(m.NewDeactivateRoot)), true, InvalidProof);
        await replay.OkAsync("process deactivate", op, fx.ProcessDeactivate(), grpc: true);
        var st = (await chain.RoundAsync(1)).State;
        Assert.Equal(fx.Nth("proofDeactivate").Data.Str("newDeactivateCommitment"), st.CurrentDeactivateCommitment);
        Assert.Equal(fx.Nth("proofDeactivate").Data.Str("newDeactivateRoot"), st.DeactivateRoot);

        await replay.RejectedAsync("add-new-key proof for another nullifier", anyone, Tamper.With(fx.AddNewKey(), m => m.Nullifier = Tamper.Inc(m.Nullifier)), false, InvalidProof);
        var added = await replay.OkAsync("add new key", anyone, fx.AddNewKey());
        Assert.Equal(["2"], added.Attr("add_new_key", "state_index"));
        await replay.RejectedAsync("a reused nullifier", anyone, Tamper.With(fx.AddNewKey(), m => m.Pubkey = Tamper.Key(777)), false, NullifierUsed);

        for (var i = 0; i < 3; i++)
        {
            var m = await replay.OkAsync($"publish {i}", anyone, fx.Publish(i), sync: i == 1);
            Assert.Equal([$"{i}"], m.Attr("publish_message", "message_index"));
            Assert.Equal([$"{i + 1}"], m.Attr("publish_message", "msg_chain_length"));
            if (i == 0)
                await replay.RejectedAsync("a reused encryption key", anyone, Tamper.With(fx.Publish(1), x => x.EncPubKeys[0] = fx.Publish(0).EncPubKeys[0]), false, EncKeyUsed);
        }

        // Voting ends: skip the block clock past voting_end.
        var (_, votingNow) = await chain.LatestBlockAsync();
        chain.Clock.Advance(TimeSpan.FromSeconds(end - votingNow + 1));
        await chain.WaitForBlockTimeAsync(end + 1);
        Assert.False((await chain.RoundAsync(1)).Voting);
        await replay.RejectedAsync("a vote after voting ended", anyone, Tamper.With(fx.Publish(0), m => m.EncPubKeys[0] = Tamper.Key(99)), false, OutsideVoting);
        await replay.RejectedAsync("a tally before processing", op, fx.ProcessTally(), true, WrongPeriod);

        await replay.OkAsync("start processing", anyone, fx.StartProcess());
        await replay.RejectedAsync("process proof with a flipped bit", op, Tamper.With(fx.ProcessMessage(), m => m.Proof = Tamper.FlipBit(m.Proof, 'c', 127)), true, InvalidProof, MalformedProof);
        await replay.RejectedAsync("process proof for another state commitment", op, Tamper.With(fx.ProcessMessage(), m => m.NewStateCommitment = Tamper.Inc(m.NewStateCommitment)), true, InvalidProof);
        await replay.OkAsync("process messages", op, fx.ProcessMessage(), grpc: true);
        Assert.Equal(fx.Nth("processMessage").Data.Str("newStateCommitment"), (await chain.RoundAsync(1)).State.CurrentStateCommitment);
        await replay.OkAsync("stop processing", anyone, fx.StopProcessing());

        await replay.RejectedAsync("tally proof with a flipped bit", op, Tamper.With(fx.ProcessTally(), m => m.Proof = Tamper.FlipBit(m.Proof, 'b', 7, 3)), true, InvalidProof, MalformedProof);
        await replay.RejectedAsync("tally proof for another commitment", op, Tamper.With(fx.ProcessTally(), m => m.NewTallyCommitment = Tamper.Inc(m.NewTallyCommitment)), true, InvalidProof);
        await replay.OkAsync("process tally", op, fx.ProcessTally(), grpc: true);
        Assert.Equal(fx.Nth("processTally").Data.Str("newTallyCommitment"), (await chain.RoundAsync(1)).State.CurrentTallyCommitment);
        await replay.RejectedAsync("results that do not open the tally commitment", op, Tamper.With(fx.StopTallying(), m => m.Results[2] = "6000000000000000000000035"), true, ResultsMismatch);
        await replay.RejectedAsync("a claim before the round ended", anyone, fx.Claim(), false, RoundNotClaimable);
        var stop = await replay.OkAsync("stop tallying", op, fx.StopTallying(), grpc: true);
        Assert.Equal([string.Join(",", AmaciFixtureRound.Results)], stop.Attr("round_results", "results"));

        await AssertFinalStateAsync(chain, fx);
        await AssertClaimAsync(chain, replay, fx, anyone, p.FeeRecipient);
    }

    /// <summary>The operator's uploaded leaves, hashed into the depth-4 deactivate tree, give the root the deactivate proof was made for.</summary>
    private static Fr DeactivateRoot(string[] leaves)
    {
        var tree = PoseidonMerkleTree.Quinary(2 + 2, Fr.Zero);
        for (var i = 0; i < leaves.Length; i++)
        {
            var v = leaves[i].Split(',').Select(Fr.Parse).ToArray(); // c1.x, c1.y, c2.x, c2.y, H2(sharedKey)
            tree.Update(i, PoseidonHash.Hash5(v[0], v[1], v[2], v[3], v[4]));
        }
        return tree.Root;
    }

    private static async Task AssertFinalStateAsync(RoundsNode chain, AmaciFixtureRound fx)
    {
        var st = (await chain.RoundAsync(1)).State;
        Assert.Equal(Period.Ended, st.Period);
        Assert.Equal((3UL, 3UL, 3UL, 2UL, 2UL), (st.NumSignUps, st.MsgChainLength, st.ProcessedMsgCount, st.DmsgChainLength, st.ProcessedDmsgCount));
        Assert.Equal("6000000000000000000000036", st.TotalResult);

        // Results and the message chain, over abci_query and over gRPC.
        var viaAbci = await chain.QueryAsync("/maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = 1 }, QueryResultsResponse.Parser);
        var viaGrpc = await chain.Grpc.CallAsync("maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = 1 }, QueryResultsResponse.Parser);
        Assert.Equal(AmaciFixtureRound.Results, viaAbci.Results);
        Assert.Equal(viaAbci, viaGrpc);
        var h = Fr.Zero;
        for (var i = 0; i < 3; i++)
        {
            var m = fx.Publish(i);
            h = AmaciHashes.MessageChainStep(h, m.Messages[0].Data.Select(Fr.Parse).ToArray(),
                new BabyJubjubPoint(Fr.Parse(m.EncPubKeys[0].X), Fr.Parse(m.EncPubKeys[0].Y)));
        }
        var head = await chain.Grpc.CallAsync("maci.rounds.v1.Query/MessageHash", new QueryMessageHashRequest { RoundId = 1, Index = 3 }, QueryMessageHashResponse.Parser);
        Assert.Equal(h.ToString(), head.Hash);
        var delays = await chain.Grpc.CallAsync("maci.rounds.v1.Query/DelayRecords", new QueryDelayRecordsRequest { RoundId = 1 }, QueryDelayRecordsResponse.Parser);
        Assert.Empty(delays.Records);
    }

    private static async Task AssertClaimAsync(RoundsNode chain, ReplaySteps replay, AmaciFixtureRound fx, ChainAccount claimer, string feeRecipient)
    {
        var round = (await chain.RoundAsync(1)).Round;
        var f = round.Fees;
        var escrow = UInt128.Parse(f.BaseFee) + 3 * UInt128.Parse(f.SignupFee) + 2 * UInt128.Parse(f.DeactivateFee) + 3 * UInt128.Parse(f.MessageFee);
        Assert.Equal(escrow.ToString(), (await chain.RoundAsync(1)).State.Escrow);
        var moduleAddress = Maci.Crypto.Cosmos.CosmosAddress.ToBech32(Maci.Sdk.Addresses.AddressCodec.ModuleAddress("rounds"), "maci");
        Assert.Equal(escrow, await chain.BalanceAsync(moduleAddress));
        var before = (Op: await chain.BalanceAsync(round.Operator), Admin: await chain.BalanceAsync(round.Admin), Fee: await chain.BalanceAsync(feeRecipient));

        var claim = await replay.OkAsync("claim", claimer, fx.Claim());
        var protocolFee = escrow * 10 / 100;
        Assert.Equal([$"{escrow - protocolFee}{RoundsNode.Denom}"], claim.Attr("round_claimed", "to_operator"));
        Assert.Equal([$"0{RoundsNode.Denom}"], claim.Attr("round_claimed", "to_admin"));
        Assert.Equal([$"{protocolFee}{RoundsNode.Denom}"], claim.Attr("round_claimed", "to_fee_recipient"));
        Assert.Equal(before.Op + escrow - protocolFee, await chain.BalanceAsync(round.Operator));
        Assert.Equal(before.Admin, await chain.BalanceAsync(round.Admin));
        Assert.Equal(before.Fee + protocolFee, await chain.BalanceAsync(feeRecipient));
        Assert.Equal(UInt128.Zero, await chain.BalanceAsync(moduleAddress));
        var st = (await chain.RoundAsync(1)).State;
        Assert.True(st.Claimed);
        Assert.Equal("0", st.Escrow);
        await replay.RejectedAsync("a second claim", claimer, fx.Claim(), false, NothingToClaim);
    }
}
