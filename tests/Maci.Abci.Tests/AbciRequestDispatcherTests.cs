using Maci.Abci.Server;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests;

public class AbciRequestDispatcherTests
{
    private sealed class NothingImplemented : StubApplication;

    [Fact]
    public async Task Echo_and_flush_are_answered_without_the_application()
    {
        var dispatcher = new AbciRequestDispatcher(new NothingImplemented());

        var echo = await dispatcher.DispatchAsync(new Request { Echo = new RequestEcho { Message = "ping" } }, CancellationToken.None);
        var flush = await dispatcher.DispatchAsync(new Request { Flush = new RequestFlush() }, CancellationToken.None);

        Assert.Equal("ping", echo.Echo.Message);
        Assert.Equal(Response.ValueOneofCase.Flush, flush.ValueCase);
    }

    [Fact]
    public async Task Request_without_a_method_is_a_protocol_error()
    {
        var dispatcher = new AbciRequestDispatcher(new KvStoreApplication());

        var error = await Assert.ThrowsAsync<AbciProtocolException>(() => dispatcher.DispatchAsync(new Request(), CancellationToken.None).AsTask());
        Assert.Contains("unknown request", error.Message);
    }

    [Fact]
    public async Task Every_application_method_maps_to_its_response_member()
    {
        var dispatcher = new AbciRequestDispatcher(new KvStoreApplication());
        var requests = new Request[]
        {
            new() { Info = new RequestInfo() },
            new() { InitChain = new RequestInitChain() },
            new() { Query = new RequestQuery() },
            new() { CheckTx = new RequestCheckTx() },
            new() { PrepareProposal = new RequestPrepareProposal() },
            new() { ProcessProposal = new RequestProcessProposal() },
            new() { ExtendVote = new RequestExtendVote() },
            new() { VerifyVoteExtension = new RequestVerifyVoteExtension() },
            new() { FinalizeBlock = new RequestFinalizeBlock() },
            new() { Commit = new RequestCommit() },
            new() { ListSnapshots = new RequestListSnapshots() },
            new() { OfferSnapshot = new RequestOfferSnapshot() },
            new() { LoadSnapshotChunk = new RequestLoadSnapshotChunk() },
            new() { ApplySnapshotChunk = new RequestApplySnapshotChunk() },
        };

        foreach (var request in requests)
        {
            var response = await dispatcher.DispatchAsync(request, CancellationToken.None);
            Assert.Equal(AbciResponseKinds.For(request.ValueCase), response.ValueCase);
        }
    }

    [Fact]
    public async Task Application_exceptions_propagate_to_the_caller()
    {
        var dispatcher = new AbciRequestDispatcher(new ThrowingCommitApplication(new InvalidDataException("boom")));

        await Assert.ThrowsAsync<InvalidDataException>(() => dispatcher.DispatchAsync(new Request { Commit = new RequestCommit() }, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task Gate_is_released_after_a_failing_call()
    {
        using var gate = new SemaphoreSlim(1, 1);
        var dispatcher = new AbciRequestDispatcher(new ThrowingCommitApplication(new InvalidDataException("boom")), gate);

        await Assert.ThrowsAsync<InvalidDataException>(() => dispatcher.DispatchAsync(new Request { Commit = new RequestCommit() }, CancellationToken.None).AsTask());

        Assert.Equal(1, gate.CurrentCount);
        var info = await dispatcher.DispatchAsync(new Request { Info = new RequestInfo() }, CancellationToken.None);
        Assert.Equal(Response.ValueOneofCase.Info, info.ValueCase);
    }
}
