using System.Runtime.InteropServices;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Crash;

/// <summary>
/// Test-only decorator: forwards every call and SIGKILLs its own process at one <see cref="CrashPoint"/>,
/// so the production app carries no fault-injection hooks.
/// </summary>
public sealed partial class CrashingApplication(IAbciApplication inner, CrashPoint at) : IAbciApplication
{
    private const int SigKill = 9;
    private long _finalizedHeight;

    public ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct) => inner.InfoAsync(request, ct);

    public ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken ct) => inner.InitChainAsync(request, ct);

    public ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken ct) => inner.QueryAsync(request, ct);

    public ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken ct) => inner.CheckTxAsync(request, ct);

    public ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken ct) =>
        inner.PrepareProposalAsync(request, ct);

    public ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken ct) =>
        inner.ProcessProposalAsync(request, ct);

    public async ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken ct)
    {
        var response = await inner.FinalizeBlockAsync(request, ct);
        _finalizedHeight = request.Height;
        if (at.Stage == CrashStage.Finalize && request.Height == at.Height) KillSelf();
        return response;
    }

    public async ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken ct)
    {
        if (at.Stage == CrashStage.CommitBefore && _finalizedHeight == at.Height) KillSelf();
        var response = await inner.CommitAsync(request, ct);
        if (at.Stage == CrashStage.CommitAfter && _finalizedHeight == at.Height) KillSelf();
        return response;
    }

    public ValueTask<ResponseExtendVote> ExtendVoteAsync(RequestExtendVote request, CancellationToken ct) => inner.ExtendVoteAsync(request, ct);

    public ValueTask<ResponseVerifyVoteExtension> VerifyVoteExtensionAsync(RequestVerifyVoteExtension request, CancellationToken ct) =>
        inner.VerifyVoteExtensionAsync(request, ct);

    public ValueTask<ResponseListSnapshots> ListSnapshotsAsync(RequestListSnapshots request, CancellationToken ct) =>
        inner.ListSnapshotsAsync(request, ct);

    public ValueTask<ResponseOfferSnapshot> OfferSnapshotAsync(RequestOfferSnapshot request, CancellationToken ct) =>
        inner.OfferSnapshotAsync(request, ct);

    public ValueTask<ResponseLoadSnapshotChunk> LoadSnapshotChunkAsync(RequestLoadSnapshotChunk request, CancellationToken ct) =>
        inner.LoadSnapshotChunkAsync(request, ct);

    public ValueTask<ResponseApplySnapshotChunk> ApplySnapshotChunkAsync(RequestApplySnapshotChunk request, CancellationToken ct) =>
        inner.ApplySnapshotChunkAsync(request, ct);

    private void KillSelf()
    {
        Console.Error.WriteLine($"crash {at}");
        Console.Error.Flush();
        // SIGKILL cannot be caught: no finalizers, no flushes, no disposal, exactly like a power cut of the process.
        if (Kill(Environment.ProcessId, SigKill) != 0)
            throw new InvalidOperationException($"kill(2) failed with errno {Marshal.GetLastPInvokeError()}");
        Thread.Sleep(Timeout.Infinite);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
