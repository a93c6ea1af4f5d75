using Maci.Modules.Rounds.Keeper;
using Maci.Node.Tests.Host;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport.Dora;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// The accounts that play a fixture round on a node: the round admin (devnet account 0, which funds the others), a
/// relayer (devnet account 1), the operator and the two voters (derived, funded by the admin).
/// </summary>
internal sealed record ReplayParties(ChainAccount Admin, ChainAccount Anyone, ChainAccount Operator, ChainAccount Voter0, ChainAccount Voter1)
{
    public AmaciRoundParties Addresses => new(Admin.Address, Operator.Address, Voter0.Address, Voter1.Address, Anyone.Address);

    public static async Task<ReplayParties> FundAsync(RoundsNode chain, string prefix)
    {
        var parties = new ReplayParties(
            ChainAccount.FromMnemonic("admin", TestNode.Mnemonic0), ChainAccount.FromMnemonic("anyone", TestNode.Mnemonic1),
            ChainAccount.Derived(prefix + "operator"), ChainAccount.Derived(prefix + "voter-0"), ChainAccount.Derived(prefix + "voter-1"));
        var admin = parties.Admin;
        var funded = await chain.CommitAsync(admin, RoundsNode.Send(admin, parties.Operator.Address, 50_000_000),
            RoundsNode.Send(admin, parties.Voter0.Address, 5_000_000), RoundsNode.Send(admin, parties.Voter1.Address, 5_000_000));
        Assert.True(funded.IsOk, funded.Log);
        return parties;
    }

    /// <summary>
    /// Creates round 1 with voting opening 100 s of block time from now and lasting 100 s longer than the module's minimum
    /// (the stepped clock skips ahead); returns the voting window.
    /// </summary>
    public async Task<(long Start, long End)> CreateRoundAsync(RoundsNode chain, Func<long, long, MsgCreateRound> create)
    {
        var (_, now) = await chain.LatestBlockAsync();
        var start = now + 100;
        var end = start + RoundsKeeper.MinVotingSeconds + 100;
        var created = await chain.CommitAsync(Admin, create(start, end));
        Assert.True(created.IsOk, created.Log);
        Assert.Equal(["1"], created.Attr("round_created", "round_id"));
        return (start, end);
    }
}
