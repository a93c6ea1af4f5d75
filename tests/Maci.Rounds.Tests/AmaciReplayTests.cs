using Maci.Crypto.Amaci;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;
using Maci.Crypto.Trees;
using Maci.Modules.Rounds.Keeper;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;

namespace Maci.Rounds.Tests;

/// <summary>Dora's 2-1-1-5 aMACI round through the module's handlers: every proof verified on-node against chain state.</summary>
public sealed class AmaciReplayTests
{
    [Fact]
    public void Full_round_replays_with_every_proof_accepted_and_the_fixture_results()
    {
        using var s = new AmaciScenario();
        Assert.Equal(1UL, s.Create());
        var st = s.Chain.State(1);
        Assert.Equal(Period.Pending, st.Period);
        // Coordinator hash and the initial deactivate commitment are the words the deactivate proof was made for.
        var deactivateInputs = s.Nth("proofDeactivate");
        Assert.Equal(AmaciHashes.PublicKeyHash(AmaciScenario.Coordinator.PublicKey).ToString(), st.CoordinatorHash);
        Assert.Equal("6461578383827114485754732680455656069796650064243401842070626624889597928357", st.CoordinatorHash);
        Assert.Equal("11130071843769412659933467398663901612334403299453766868287010509469499313889", st.CurrentDeactivateCommitment);

        s.RunSteps();

        st = s.Chain.State(1);
        Assert.Equal(Period.Ended, st.Period);
        Assert.Equal(3UL, st.NumSignUps);
        Assert.Equal(3UL, st.MsgChainLength);
        Assert.Equal(3UL, st.ProcessedMsgCount);
        Assert.Equal(2UL, st.DmsgChainLength);
        Assert.Equal(2UL, st.ProcessedDmsgCount);
        Assert.Equal(s.Nth("proofDeactivate").Data.Str("newDeactivateCommitment"), st.CurrentDeactivateCommitment);
        Assert.Equal(s.Nth("proofDeactivate").Data.Str("newDeactivateRoot"), st.DeactivateRoot);
        Assert.Equal(s.Nth("processMessage").Data.Str("newStateCommitment"), st.CurrentStateCommitment);
        Assert.Equal(s.Nth("processTally").Data.Str("newTallyCommitment"), st.CurrentTallyCommitment);
        var results = s.Chain.Keeper.GetResults(s.Chain.Ctx(ExecMode.Query), 1)!;
        Assert.Equal(["0", "0", "6000000000000000000000036", "0", "0"], results.Results);
        Assert.Equal("6000000000000000000000036", results.Total);
        Assert.Equal(results.Total, st.TotalResult);
    }

    [Fact]
    public void State_tree_and_chains_match_an_independent_rebuild()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps(0, 9);
        var ctx = s.Chain.Ctx(ExecMode.Query);
        var round = s.Chain.Round(1);

        var d = s.AddNewKey().D.Select(Fr.Parse).ToArray();
        var tree = PoseidonMerkleTree.Quinary(2, PoseidonHash.Hash10(new Fr[10]));
        var balance = Fr.FromUInt64(100);
        tree.Insert(AmaciHashes.SignUpLeaf(Fields(s.SignUp(0).Pubkey), balance));
        tree.Insert(AmaciHashes.SignUpLeaf(Fields(s.SignUp(1).Pubkey), balance));
        tree.Insert(AmaciHashes.AddNewKeyLeaf(Fields(s.AddNewKey().Pubkey), balance, new(d[0], d[1]), new(d[2], d[3])));
        Assert.Equal(tree.Root, s.Chain.Keeper.StateRoot(ctx, round));
        Assert.Equal(tree.Root, s.Chain.Keeper.StateNodeByHeapIndex(ctx, round, 0));
        // Leaf 2 sits at heap index (5^2 − 1)/4 + 2 = 8.
        Assert.Equal(tree.GetLeaf(2), s.Chain.Keeper.StateNodeByHeapIndex(ctx, round, 8));
        Assert.Null(s.Chain.Keeper.StateNodeByHeapIndex(ctx, round, 31));

        var h = Fr.Zero;
        for (var i = 0; i < 3; i++)
        {
            var m = s.Publish(i);
            h = AmaciHashes.MessageChainStep(h, m.Messages[0].Data.Select(Fr.Parse).ToArray(), Fields(m.EncPubKeys[0]));
            Assert.Equal(h, s.Chain.Keeper.GetMsgHash(ctx, 1, (ulong)i + 1));
        }
        Assert.Equal(2UL, s.Chain.Keeper.GetSignUpIndex(ctx, 1, Fields(s.AddNewKey().Pubkey)));
    }

    [Fact]
    public void Sparse_storage_costs_only_touched_nodes()
    {
        using var s = new AmaciScenario();
        s.Create();
        var before = s.Chain.Dump().Count(k => k.StartsWith("rounds:04"));
        s.RunSteps(0, 1);
        var after = s.Chain.Dump().Count(k => k.StartsWith("rounds:04"));
        // One leaf and its two ancestors for a depth-2 tree.
        Assert.Equal(0, before);
        Assert.Equal(3, after);
    }

    [Fact]
    public void Claim_pays_the_escrow_as_specified()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps();
        var escrow = AmaciScenario.BaseFee + 3 * AmaciScenario.SignupFee + 2 * AmaciScenario.DeactivateFee + 3 * AmaciScenario.MessageFee;
        Assert.Equal((UInt128)escrow, s.Chain.ModuleBalance);
        Assert.Equal(escrow.ToString(), s.Chain.State(1).Escrow);
        var op = s.Chain.Balance(s.Operator);
        var admin = s.Chain.Balance(s.Admin);
        var r = s.Chain.Ok<MsgClaimResponse>(s.Claim());
        var fee = escrow * 10 / 100;
        Assert.Equal((fee).ToString(), r.ToFeeRecipient.Amount);
        Assert.Equal((escrow - fee).ToString(), r.ToOperator.Amount);
        Assert.Equal("0", r.ToAdmin.Amount);
        Assert.Equal(op + (escrow - fee), s.Chain.Balance(s.Operator));
        Assert.Equal(admin, s.Chain.Balance(s.Admin));
        Assert.Equal((UInt128)fee, s.Chain.Balance(s.FeeRecipient));
        Assert.Equal(UInt128.Zero, s.Chain.ModuleBalance);
        s.Chain.Fails(s.Claim(), Maci.Modules.Rounds.Types.RoundsErrors.NothingToClaim);
    }

    [Fact]
    public void Insurance_hooks_see_the_right_counts_and_times()
    {
        using var s = new AmaciScenario();
        s.Create();
        s.RunSteps();
        var calls = s.Chain.Hooks.Calls;
        Assert.Equal(
        [
            new("published", 1, 1, s.Start + 2), new("published", 1, 1, s.Start + 3), new("processed", 1, 2, s.Start + 60),
            new("tally", 1, 0, s.End + 5), new("ended", 1, 0, s.End + 5),
        ], calls);
        var info = ((Maci.Modules.Insurance.Types.IRoundInfoSource)s.Chain.Keeper).GetRound(s.Chain.Ctx(ExecMode.Query), 1)!;
        Assert.Equal(Maci.Modules.Insurance.Types.RoundStatus.Ended, info.Status);
        Assert.Equal((3UL, 3UL, s.Start, s.End), (info.NumSignUps, info.MessageCount, info.VotingStart, info.VotingEnd));
        Assert.Equal(s.Operator, info.Operator);
        Assert.Equal(s.Admin, info.Owner);
        Assert.False(s.Chain.Keeper.OperatorHasOpenRound(s.Chain.Ctx(ExecMode.Query), s.Operator));
    }

    private static Maci.Crypto.BabyJubjub.BabyJubjubPoint Fields(PubKey k) => new(Fr.Parse(k.X), Fr.Parse(k.Y));
}
