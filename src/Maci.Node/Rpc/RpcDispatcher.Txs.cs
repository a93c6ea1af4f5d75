using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

public sealed partial class RpcDispatcher
{
    private async Task<byte[]> AbciQueryAsync(RpcParams p, CancellationToken ct)
    {
        var path = p.String("path") ?? "";
        var data = p.HexBytes("data") ?? [];
        var height = p.Int64("height") ?? 0;
        return CometJson.AbciQueryResult(await _backend.QueryAsync(path, data, height, p.Bool("prove") ?? false, ct));
    }

    private byte[] Tx(RpcParams p)
    {
        var hash = p.Bytes("hash") ?? throw RpcException.InvalidParams("missing parameter hash");
        var tx = _backend.TxIndex.Get(hash) ?? throw RpcException.Internal($"tx ({Convert.ToHexString(hash)}) not found");
        return CometJson.TxResult(tx);
    }

    private byte[] TxSearch(RpcParams p)
    {
        var text = p.String("query") ?? throw RpcException.InvalidParams("missing parameter query");
        if (text.Length > EventQuery.MaxLength) throw RpcException.Internal("maximum query length exceeded");
        var query = EventQuery.Parse(text);
        var page = _backend.TxIndex.Search(query, p.Int32("page"), p.Int32("per_page"), p.String("order_by"));
        return CometJson.TxSearchResult(page);
    }

    private static byte[] RequireTx(RpcParams p) => p.Bytes("tx") ?? throw RpcException.InvalidParams("missing parameter tx");

    /// <summary>
    /// Returns without waiting for the application's verdict. Refusals the mempool decides before calling
    /// the application (full, too large, already in cache) complete synchronously and surface as errors.
    /// </summary>
    private async Task<byte[]> BroadcastAsyncAsync(RpcParams p, CancellationToken ct)
    {
        var tx = RequireTx(p);
        var pending = _backend.Mempool.CheckTxAsync(tx, CancellationToken.None).AsTask();
        if (pending.IsCompleted) await pending;
        else _ = pending.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default); // observe late failures
        return CometJson.BroadcastTxResult(null, TxHash.Compute(tx));
    }

    private async Task<byte[]> BroadcastSyncAsync(RpcParams p, CancellationToken ct)
    {
        var tx = RequireTx(p);
        var check = await _backend.Mempool.CheckTxAsync(tx, ct);
        return CometJson.BroadcastTxResult(check, TxHash.Compute(tx));
    }

    /// <summary>Subscribes to the tx's event first, then runs CheckTx, then waits for the commit (or times out).</summary>
    private async Task<byte[]> BroadcastCommitAsync(RpcParams p, CancellationToken ct)
    {
        var tx = RequireTx(p);
        var hash = TxHash.Compute(tx);
        var clientId = "broadcast_tx_commit/" + Guid.NewGuid().ToString("N");
        using var sub = _backend.Events.Subscribe(clientId, $"tm.event='Tx' AND tx.hash='{Convert.ToHexString(hash)}'", 1);
        CheckTxResult check;
        try
        {
            check = await _backend.Mempool.CheckTxAsync(tx, ct);
        }
        catch (Exception e) when (e is Mempool.MempoolException)
        {
            throw RpcException.Internal("error on broadcastTxCommit: " + e.Message);
        }
        if (!check.IsOk) return CometJson.BroadcastTxCommitResult(check, null, hash, 0);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_backend.BroadcastTxCommitTimeout);
        try
        {
            var e = (TxEvent)await sub.Reader.ReadAsync(timeout.Token);
            return CometJson.BroadcastTxCommitResult(check, e.Tx.Result, hash, e.Tx.Height);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw RpcException.Internal("timed out waiting for tx to be included in a block");
        }
    }

    private byte[] UnconfirmedTxs(int? limit, bool includeTxs)
    {
        var pool = _backend.Mempool;
        var all = pool.ReapMaxTxs(-1);
        if (!includeTxs) return CometJson.UnconfirmedTxsResult(all.Count, all.Count, pool.SizeBytes, null);
        var take = Maci.Node.Store.Paging.PerPage(limit);
        var txs = all.Take(take).ToArray();
        return CometJson.UnconfirmedTxsResult(txs.Length, all.Count, pool.SizeBytes, txs);
    }
}
