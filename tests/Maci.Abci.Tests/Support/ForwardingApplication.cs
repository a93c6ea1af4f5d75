using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>Test decorator base: forwards every ABCI call to <see cref="Inner"/>; override what to observe or disturb.</summary>
public abstract class ForwardingApplication(IAbciApplication inner) : IAbciApplication
{
    protected IAbciApplication Inner { get; } = inner;

    public virtual ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct) => Inner.InfoAsync(request, ct);

    public virtual ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken ct) => Inner.InitChainAsync(request, ct);

    public virtual ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken ct) => Inner.QueryAsync(request, ct);

    public virtual ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken ct) => Inner.CheckTxAsync(request, ct);

    public virtual ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken ct) =>
        Inner.PrepareProposalAsync(request, ct);

    public virtual ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken ct) =>
        Inner.ProcessProposalAsync(request, ct);

    public virtual ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken ct) =>
        Inner.FinalizeBlockAsync(request, ct);

    public virtual ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken ct) => Inner.CommitAsync(request, ct);

    public virtual ValueTask<ResponseExtendVote> ExtendVoteAsync(RequestExtendVote request, CancellationToken ct) =>
        Inner.ExtendVoteAsync(request, ct);

    public virtual ValueTask<ResponseVerifyVoteExtension> VerifyVoteExtensionAsync(RequestVerifyVoteExtension request, CancellationToken ct) =>
        Inner.VerifyVoteExtensionAsync(request, ct);

    public virtual ValueTask<ResponseListSnapshots> ListSnapshotsAsync(RequestListSnapshots request, CancellationToken ct) =>
        Inner.ListSnapshotsAsync(request, ct);

    public virtual ValueTask<ResponseOfferSnapshot> OfferSnapshotAsync(RequestOfferSnapshot request, CancellationToken ct) =>
        Inner.OfferSnapshotAsync(request, ct);

    public virtual ValueTask<ResponseLoadSnapshotChunk> LoadSnapshotChunkAsync(RequestLoadSnapshotChunk request, CancellationToken ct) =>
        Inner.LoadSnapshotChunkAsync(request, ct);

    public virtual ValueTask<ResponseApplySnapshotChunk> ApplySnapshotChunkAsync(RequestApplySnapshotChunk request, CancellationToken ct) =>
        Inner.ApplySnapshotChunkAsync(request, ct);
}
