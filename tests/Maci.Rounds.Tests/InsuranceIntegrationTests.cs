using Maci.Proto.Maci.Insurance.V1;
using Maci.Rounds.Tests.Support;
using Maci.Sdk;

namespace Maci.Rounds.Tests;

/// <summary>The real insurance keeper driven by the rounds module's hooks on an insured fixture round.</summary>
public sealed class InsuranceIntegrationTests
{
    [Fact]
    public void Late_deactivations_reach_the_policy_and_the_round_end_settles_it()
    {
        using var s = new AmaciScenario();
        s.Create();
        var buy = new MsgBuyInsurance
        {
            Buyer = s.Bech(s.Admin), RoundId = s.RoundId, Operator = s.Bech(s.Operator),
            Premium = new() { Denom = RoundsChain.Denom, Amount = "1000" },
        };
        Assert.True(s.Chain.Deliver(buy).IsOk, s.Chain.Deliver(buy).Error?.ToString());
        var policy = s.Chain.Insurance.GetPolicy(s.Chain.Ctx(ExecMode.Query), s.RoundId)!;
        Assert.Equal(PolicyStatus.Active, policy.Status);

        s.RunSteps(0, 4);
        Assert.Equal(2UL, s.Chain.Insurance.GetPolicy(s.Chain.Ctx(ExecMode.Query), s.RoundId)!.PendingDeactivations);
        var steps = s.Steps();
        for (var i = 4; i < steps.Count; i++)
        {
            // Process the deactivations 601 s after the first was published: both are late.
            s.Chain.Now = Math.Max(steps[i].Time, s.Start + 2 + 601 + (i - 4));
            var r = s.Chain.Deliver(steps[i].Msg());
            Assert.True(r.IsOk, $"{steps[i].Name}: {r.Error}");
        }
        policy = s.Chain.Insurance.GetPolicy(s.Chain.Ctx(ExecMode.Query), s.RoundId)!;
        // Insurance judges each message from its own publication (Start + 2 → late, Start + 3 → exactly on time);
        // the round's own delay record follows Dora and counts both from the first message.
        Assert.Equal((0UL, 1UL), (policy.PendingDeactivations, policy.LateDeactivations));
        Assert.Equal(2UL, Assert.Single(s.Chain.Keeper.GetDelayRecords(s.Chain.Ctx(ExecMode.Query), s.RoundId)).Count);
        Assert.NotEqual("0", policy.VotingSlashed);
        Assert.NotEqual(PolicyStatus.Active, policy.Status);
        s.Chain.AssertInvariants();
    }
}
