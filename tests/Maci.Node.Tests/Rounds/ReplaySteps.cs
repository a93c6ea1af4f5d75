using Google.Protobuf;
using Maci.Sdk.Errors;
using Maci.TestSupport.Dora;

namespace Maci.Node.Tests.Rounds;

/// <summary>Submits the replay's steps and bad variants, checking each outcome and that refused txs leave the round as it was.</summary>
internal sealed class ReplaySteps(RoundsNode chain, DoraFixtureRound fixture)
{
    /// <summary>
    /// A step that must succeed: the operator's over gRPC (<paramref name="grpc"/>), everyone else's over JSON-RPC
    /// broadcast_tx_commit, or broadcast_tx_sync + tx_search (<paramref name="sync"/>).
    /// </summary>
    public async Task<TxOutcome> OkAsync(string step, ChainAccount from, IMessage msg, bool sync = false, bool grpc = false)
    {
        var r = grpc ? await chain.GrpcSubmitAsync(from, msg) : sync ? await chain.SyncAsync(from, msg) : await chain.CommitAsync(from, msg);
        Assert.True(r.IsOk, $"{step}: code {r.Code} ({r.Codespace}): {r.Log}");
        Assert.True(r.Height > 0, $"{step}: not in a block");
        return r;
    }

    /// <summary>A bad variant: delivered in a block, refused with one of <paramref name="codes"/> and a log naming the error, the round unchanged.</summary>
    public async Task RejectedAsync(string what, ChainAccount from, IMessage msg, bool grpc, params ErrorCode[] codes)
    {
        var before = await chain.RoundAsync(fixture.RoundId);
        var r = grpc ? await chain.GrpcSubmitAsync(from, msg) : await chain.CommitAsync(from, msg);
        Assert.True(r.Height > 0, $"{what}: not delivered");
        var expected = codes.FirstOrDefault(c => c.Codespace == r.Codespace && c.Code == r.Code);
        Assert.True(expected is not null, $"{what}: expected {string.Join(" or ", codes.Select(c => c.ToString()))}, got {r.Codespace}/{r.Code}: {r.Log}");
        Assert.Contains(expected.Description, r.Log);
        var after = await chain.RoundAsync(fixture.RoundId);
        Assert.Equal(before.Round, after.Round);
        Assert.Equal(before.State, after.State);
        Assert.Equal(before.StateRoot, after.StateRoot);
    }
}
