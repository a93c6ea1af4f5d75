using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci;

/// <summary>
/// An ABCI 2.0 (CometBFT v0.38) application: one method per ABCI method, taking the request message and
/// returning the response message. Echo and Flush are answered by the server and never reach the application.
/// </summary>
/// <remarks>
/// <para><b>Threading contract.</b> CometBFT opens four connections (query, snapshot, mempool, consensus).
/// The socket server handles each connection on its own task: calls arriving on one connection are made strictly
/// one after another, in request order (the next call starts only after the previous one completed), but calls from
/// different connections may run concurrently — e.g. <see cref="QueryAsync"/> or <see cref="CheckTxAsync"/> while
/// <see cref="FinalizeBlockAsync"/> runs. The application is responsible for its own locking (the usual design keeps
/// separate states for consensus, mempool and queries). An application that wants CometBFT's reference behaviour
/// (one call at a time across all connections) sets <c>AbciServerOptions.SerializeApplicationCalls</c>.</para>
/// <para><b>Failures.</b> Application-level failures (a bad transaction, a failed query) are expressed with a non-zero
/// <c>code</c> in the response. An exception thrown from a method is treated as a fatal protocol failure: the server
/// answers with <c>Response.exception</c> and closes that connection, which makes CometBFT halt.</para>
/// <para><b>Cancellation.</b> The token is cancelled when the server stops or the connection is torn down.</para>
/// <para>The snapshot and vote-extension methods have default implementations giving the correct answers for an
/// application without state sync and without vote extensions.</para>
/// </remarks>
public interface IAbciApplication
{
    /// <summary>Query connection: last committed height and app hash (handshake, <c>abci_info</c>).</summary>
    ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: genesis, called only while the application reports height 0.</summary>
    ValueTask<ResponseInitChain> InitChainAsync(RequestInitChain request, CancellationToken cancellationToken);

    /// <summary>Query connection: read state. Must set <c>height</c> (CosmJS rejects a zero height).</summary>
    ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken cancellationToken);

    /// <summary>Mempool connection: admit (code 0) or refuse a transaction. Called for NEW and RECHECK.</summary>
    ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: the proposer may reorder, drop or add transactions within max_tx_bytes.</summary>
    ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: ACCEPT or REJECT a proposed block; never UNKNOWN (CometBFT panics).</summary>
    ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: execute a decided block (one ExecTxResult per tx, in order); do not persist.</summary>
    ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: persist the state produced by the last FinalizeBlock.</summary>
    ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken cancellationToken);

    /// <summary>Consensus connection: vote extension for a precommit. Default: an empty extension.</summary>
    ValueTask<ResponseExtendVote> ExtendVoteAsync(RequestExtendVote request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseExtendVote());

    /// <summary>Consensus connection: check another validator's vote extension. Default: ACCEPT.</summary>
    ValueTask<ResponseVerifyVoteExtension> VerifyVoteExtensionAsync(RequestVerifyVoteExtension request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseVerifyVoteExtension { Status = ResponseVerifyVoteExtension.Types.VerifyStatus.Accept });

    /// <summary>Snapshot connection: snapshots this node can serve. Default: none.</summary>
    ValueTask<ResponseListSnapshots> ListSnapshotsAsync(RequestListSnapshots request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseListSnapshots());

    /// <summary>Snapshot connection: a peer's snapshot offered for state sync. Default: ABORT (no state sync).</summary>
    ValueTask<ResponseOfferSnapshot> OfferSnapshotAsync(RequestOfferSnapshot request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseOfferSnapshot { Result = ResponseOfferSnapshot.Types.Result.Abort });

    /// <summary>Snapshot connection: one chunk of a local snapshot. Default: an empty chunk (no snapshots).</summary>
    ValueTask<ResponseLoadSnapshotChunk> LoadSnapshotChunkAsync(RequestLoadSnapshotChunk request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseLoadSnapshotChunk());

    /// <summary>Snapshot connection: apply a restored chunk. Default: ABORT (no state sync).</summary>
    ValueTask<ResponseApplySnapshotChunk> ApplySnapshotChunkAsync(RequestApplySnapshotChunk request, CancellationToken cancellationToken)
        => ValueTask.FromResult(new ResponseApplySnapshotChunk { Result = ResponseApplySnapshotChunk.Types.Result.Abort });
}
