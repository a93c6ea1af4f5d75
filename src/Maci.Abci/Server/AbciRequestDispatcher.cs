using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Server;

/// <summary>
/// Turns one <see cref="Request"/> into the matching <see cref="Response"/>: Echo and Flush are answered here, every
/// other method goes to the <see cref="IAbciApplication"/>. Transport-independent, so an in-process driver can use it
/// as well as the socket server.
/// </summary>
public sealed class AbciRequestDispatcher
{
    private readonly IAbciApplication _application;
    private readonly SemaphoreSlim? _gate;

    /// <param name="application">The application to call.</param>
    /// <param name="gate">When given, every application call holds it (used to serialize calls across connections).</param>
    public AbciRequestDispatcher(IAbciApplication application, SemaphoreSlim? gate = null)
    {
        _application = application ?? throw new ArgumentNullException(nameof(application));
        _gate = gate;
    }

    /// <summary>Handles one request. Application exceptions propagate to the caller.</summary>
    /// <exception cref="AbciProtocolException">The request has no known method set.</exception>
    public ValueTask<Response> DispatchAsync(Request request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ValueCase switch
        {
            Request.ValueOneofCase.Echo =>
                ValueTask.FromResult(new Response { Echo = new ResponseEcho { Message = request.Echo.Message } }),
            Request.ValueOneofCase.Flush =>
                ValueTask.FromResult(new Response { Flush = new ResponseFlush() }),
            Request.ValueOneofCase.None =>
                throw new AbciProtocolException("unknown request from client: no known method set in Request"),
            _ => CallApplicationAsync(request, cancellationToken),
        };
    }

    /// <summary>
    /// Hands the txs of several queued CheckTx NEW requests to the application's <see cref="IAbciPrefetch"/>, if it has
    /// one and there are at least two. Returns false when the application has no prefetch hook.
    /// </summary>
    public async ValueTask<bool> PrefetchCheckTxAsync(IReadOnlyList<Request> queued, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        if (_application is not IAbciPrefetch prefetch)
        {
            return false;
        }
        List<ReadOnlyMemory<byte>>? txs = null;
        foreach (var request in queued)
        {
            if (request.ValueCase == Request.ValueOneofCase.CheckTx && request.CheckTx.Type == CheckTxType.New)
            {
                (txs ??= new List<ReadOnlyMemory<byte>>(queued.Count)).Add(request.CheckTx.Tx.Memory);
            }
        }
        if (txs is null || txs.Count < 2)
        {
            return true;
        }
        if (_gate is null)
        {
            prefetch.PrefetchCheckTx(txs);
            return true;
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            prefetch.PrefetchCheckTx(txs);
        }
        finally
        {
            _gate.Release();
        }
        return true;
    }

    private async ValueTask<Response> CallApplicationAsync(Request request, CancellationToken cancellationToken)
    {
        if (_gate is null)
        {
            return await CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await CallAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<Response> CallAsync(Request request, CancellationToken ct)
    {
        var app = _application;
        return request.ValueCase switch
        {
            Request.ValueOneofCase.Info => new Response { Info = NotNull(await app.InfoAsync(request.Info, ct)) },
            Request.ValueOneofCase.InitChain => new Response { InitChain = NotNull(await app.InitChainAsync(request.InitChain, ct)) },
            Request.ValueOneofCase.Query => new Response { Query = NotNull(await app.QueryAsync(request.Query, ct)) },
            Request.ValueOneofCase.CheckTx => new Response { CheckTx = NotNull(await app.CheckTxAsync(request.CheckTx, ct)) },
            Request.ValueOneofCase.Commit => new Response { Commit = NotNull(await app.CommitAsync(request.Commit, ct)) },
            Request.ValueOneofCase.ListSnapshots =>
                new Response { ListSnapshots = NotNull(await app.ListSnapshotsAsync(request.ListSnapshots, ct)) },
            Request.ValueOneofCase.OfferSnapshot =>
                new Response { OfferSnapshot = NotNull(await app.OfferSnapshotAsync(request.OfferSnapshot, ct)) },
            Request.ValueOneofCase.LoadSnapshotChunk =>
                new Response { LoadSnapshotChunk = NotNull(await app.LoadSnapshotChunkAsync(request.LoadSnapshotChunk, ct)) },
            Request.ValueOneofCase.ApplySnapshotChunk =>
                new Response { ApplySnapshotChunk = NotNull(await app.ApplySnapshotChunkAsync(request.ApplySnapshotChunk, ct)) },
            Request.ValueOneofCase.PrepareProposal =>
                new Response { PrepareProposal = NotNull(await app.PrepareProposalAsync(request.PrepareProposal, ct)) },
            Request.ValueOneofCase.ProcessProposal =>
                new Response { ProcessProposal = NotNull(await app.ProcessProposalAsync(request.ProcessProposal, ct)) },
            Request.ValueOneofCase.ExtendVote =>
                new Response { ExtendVote = NotNull(await app.ExtendVoteAsync(request.ExtendVote, ct)) },
            Request.ValueOneofCase.VerifyVoteExtension =>
                new Response { VerifyVoteExtension = NotNull(await app.VerifyVoteExtensionAsync(request.VerifyVoteExtension, ct)) },
            Request.ValueOneofCase.FinalizeBlock =>
                new Response { FinalizeBlock = NotNull(await app.FinalizeBlockAsync(request.FinalizeBlock, ct)) },
            _ => throw new AbciProtocolException($"unknown request from client: {request.ValueCase}"),
        };
    }

    private static T NotNull<T>(T? response)
        where T : class
        => response ?? throw new InvalidOperationException($"The application returned no {typeof(T).Name}.");
}
