using System.Diagnostics;
using Maci.Node.Mempool;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>
/// Routes JSON-RPC calls to CometBFT v0.38 endpoint implementations over an <see cref="IChainBackend"/>
/// and turns failures into CometBFT's error objects (handler failures are -32603 "Internal error").
/// </summary>
public sealed partial class RpcDispatcher
{
    private delegate Task<byte[]> Handler(RpcParams p, CancellationToken ct);

    /// <summary>The websocket-only methods, which the websocket session runs itself.</summary>
    internal static readonly string[] SubscriptionMethods = ["subscribe", "unsubscribe", "unsubscribe_all"];

    private readonly IChainBackend _backend;
    private readonly Action<string, TimeSpan, bool>? _observer;
    private readonly Dictionary<string, (string[] Names, Handler Run)> _routes;

    /// <param name="observer">Called after each call with (method, elapsed, failed); see <see cref="RpcServerOptions.CallObserver"/>.</param>
    public RpcDispatcher(IChainBackend backend, Action<string, TimeSpan, bool>? observer = null)
    {
        _backend = backend;
        _observer = observer;
        _routes = new Dictionary<string, (string[], Handler)>(StringComparer.Ordinal)
        {
            ["health"] = ([], (_, _) => Done(CometJson.EmptyResult())),
            ["status"] = ([], (_, _) => Done(CometJson.StatusResult(_backend.GetStatus()))),
            ["genesis"] = ([], (_, _) => Done(CometJson.GenesisResult(_backend.Genesis))),
            ["abci_info"] = ([], async (_, ct) => CometJson.AbciInfoResult(await _backend.InfoAsync(ct))),
            ["abci_query"] = (["path", "data", "height", "prove"], AbciQueryAsync),
            ["block"] = (["height"], (p, _) => Done(Block(p))),
            ["block_by_hash"] = (["hash"], (p, _) => Done(BlockByHash(p))),
            ["header"] = (["height"], (p, _) => Done(Header(p))),
            ["block_results"] = (["height"], (p, _) => Done(BlockResults(p))),
            ["blockchain"] = (["minHeight", "maxHeight"], (p, _) => Done(Blockchain(p))),
            ["commit"] = (["height"], (p, _) => Done(Commit(p))),
            ["validators"] = (["height", "page", "per_page"], (p, _) => Done(Validators(p))),
            ["consensus_params"] = (["height"], (p, _) => Done(ConsensusParams(p))),
            ["tx"] = (["hash", "prove"], (p, _) => Done(Tx(p))),
            ["tx_search"] = (["query", "prove", "page", "per_page", "order_by"], (p, _) => Done(TxSearch(p))),
            ["block_search"] = (["query", "page", "per_page", "order_by"], (p, _) => Done(BlockSearch(p))),
            ["broadcast_tx_async"] = (["tx"], BroadcastAsyncAsync),
            ["broadcast_tx_sync"] = (["tx"], BroadcastSyncAsync),
            ["broadcast_tx_commit"] = (["tx"], BroadcastCommitAsync),
            ["num_unconfirmed_txs"] = ([], (_, _) => Done(UnconfirmedTxs(null, includeTxs: false))),
            ["unconfirmed_txs"] = (["limit"], (p, _) => Done(UnconfirmedTxs(p.Int32("limit"), includeTxs: true))),
        };
    }

    public IReadOnlyCollection<string> Methods => _routes.Keys;

    public IReadOnlyList<string> ParameterNames(string method) =>
        _routes.TryGetValue(method, out var r) ? r.Names : throw RpcException.MethodNotFound();

    /// <summary>Runs one call and returns the result JSON; failures come out as <see cref="RpcException"/>.</summary>
    public async Task<byte[]> CallAsync(string method, RpcParams parameters, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await InvokeAsync(method, parameters, ct);
            failed = false;
            return result;
        }
        finally
        {
            Observe(method, started, failed);
        }
    }

    /// <summary>Reports one call to the observer; methods that do not exist are reported as "unknown".</summary>
    internal void Observe(string method, long startedTimestamp, bool failed)
    {
        if (_observer is null) return;
        var label = _routes.ContainsKey(method) || SubscriptionMethods.Contains(method) ? method : "unknown";
        _observer(label, Stopwatch.GetElapsedTime(startedTimestamp), failed);
    }

    private async Task<byte[]> InvokeAsync(string method, RpcParams parameters, CancellationToken ct)
    {
        if (!_routes.TryGetValue(method, out var route)) throw RpcException.MethodNotFound();
        try
        {
            return await route.Run(parameters, ct);
        }
        catch (RpcException)
        {
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException
                                       or MempoolException or TimeoutException or EventQueryException)
        {
            throw RpcException.Internal(e.Message);
        }
    }

    /// <summary>Runs one parsed request and renders the full response envelope (null for notifications).</summary>
    public async Task<byte[]?> HandleAsync(JsonRpcRequest request, CancellationToken ct = default)
    {
        if (request.Id.IsNotification) return null;
        var started = Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            if (request.Method.Length == 0) throw RpcException.InvalidRequest("method is empty");
            if (!_routes.TryGetValue(request.Method, out var route)) throw RpcException.MethodNotFound();
            var parameters = RpcParams.FromJson(request.Params, route.Names);
            var response = JsonRpcResponse.Result(request.Id, await InvokeAsync(request.Method, parameters, ct));
            failed = false;
            return response;
        }
        catch (RpcException e)
        {
            return JsonRpcResponse.Error(request.Id, e);
        }
        finally
        {
            Observe(request.Method, started, failed);
        }
    }

    private static Task<byte[]> Done(byte[] json) => Task.FromResult(json);
}
