using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Maci.Node.Rpc;

public sealed partial class RpcHttpServer
{
    private const int MaxWebSocketMessageBytes = 1 << 20;

    private async Task HandleWebSocketAsync(HttpContext ctx)
    {
        if (!ctx.WebSockets.IsWebSocketRequest)
        {
            ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        using var socket = await ctx.WebSockets.AcceptWebSocketAsync();
        var clientId = $"{ctx.Connection.RemoteIpAddress}:{ctx.Connection.RemotePort}/{ctx.Connection.Id}";
        var session = new WebSocketSession(socket, clientId, _dispatcher, _backend.Events);
        // Kestrel's graceful stop waits for open connections: end the session when the server starts stopping.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, _app.Lifetime.ApplicationStopping);
        try
        {
            await session.RunAsync(ended.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // the client went away or the server is stopping
        }
        finally
        {
            _backend.Events.UnsubscribeAll(clientId);
        }
    }

    /// <summary>One websocket client: requests in, responses and subscription events out (one writer at a time).</summary>
    private sealed class WebSocketSession(WebSocket socket, string clientId, RpcDispatcher dispatcher, EventBus bus)
    {
        private readonly SemaphoreSlim _send = new(1, 1);
        private readonly List<Task> _pumps = [];

        public async Task RunAsync(CancellationToken ct)
        {
            var buffer = new byte[64 * 1024];
            while (socket.State == WebSocketState.Open && !ct.IsCancellationRequested)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult r;
                do
                {
                    r = await socket.ReceiveAsync(buffer, ct);
                    if (r.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        return;
                    }
                    message.Write(buffer, 0, r.Count);
                    if (message.Length > MaxWebSocketMessageBytes)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too big", CancellationToken.None);
                        return;
                    }
                } while (!r.EndOfMessage);
                await HandleMessageAsync(message.ToArray(), ct);
            }
        }

        private async Task HandleMessageAsync(byte[] message, CancellationToken ct)
        {
            JsonRpcRequest request;
            try
            {
                var parsed = JsonRpcRequest.ParseBody(message, out var isBatch);
                if (isBatch) throw RpcException.InvalidRequest("batch requests are not supported over websocket");
                request = parsed[0];
            }
            catch (RpcException e)
            {
                await SendAsync(JsonRpcResponse.Error(new JsonRpcId(null), e), ct);
                return;
            }
            if (request.Id.IsNotification) return;
            if (!RpcDispatcher.SubscriptionMethods.Contains(request.Method))
            {
                var response = await dispatcher.HandleAsync(request, ct);
                if (response is not null) await SendAsync(response, ct);
                return;
            }
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var failed = true;
            try
            {
                RunSubscriptionMethod(request);
                failed = false;
                await SendAsync(JsonRpcResponse.Result(request.Id, CometJson.EmptyResult()), ct);
            }
            catch (RpcException e)
            {
                await SendAsync(JsonRpcResponse.Error(request.Id, e), ct);
            }
            finally
            {
                dispatcher.Observe(request.Method, started, failed);
            }
        }

        private void RunSubscriptionMethod(JsonRpcRequest request)
        {
            var p = RpcParams.FromJson(request.Params, request.Method == "unsubscribe_all" ? [] : ["query"]);
            switch (request.Method)
            {
                case "subscribe":
                    Subscribe(request.Id, p.String("query") ?? throw RpcException.InvalidParams("missing parameter query"));
                    return;
                case "unsubscribe":
                    if (!bus.Unsubscribe(clientId, p.String("query") ?? throw RpcException.InvalidParams("missing parameter query")))
                        throw RpcException.Internal("subscription not found");
                    return;
                default:
                    if (bus.UnsubscribeAll(clientId) == 0) throw RpcException.Internal("subscription not found");
                    return;
            }
        }

        private void Subscribe(JsonRpcId id, string query)
        {
            EventSubscription sub;
            try
            {
                sub = bus.Subscribe(clientId, query);
            }
            catch (Exception e) when (e is Query.EventQueryException or InvalidOperationException)
            {
                throw RpcException.Internal(e.Message);
            }
            _pumps.Add(PumpAsync(id, sub));
        }

        private async Task PumpAsync(JsonRpcId id, EventSubscription sub)
        {
            try
            {
                await foreach (var e in sub.Reader.ReadAllAsync())
                    await SendAsync(JsonRpcResponse.Result(id, CometJson.EventResult(sub.QueryText, e)), CancellationToken.None);
            }
            catch (InvalidOperationException e)
            {
                await SendAsync(JsonRpcResponse.Error(id, RpcException.Server("subscription was canceled (reason: " + e.Message + ")")),
                    CancellationToken.None);
            }
            catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                // client went away; the session's cleanup unsubscribes
            }
        }

        private async Task SendAsync(byte[] json, CancellationToken ct)
        {
            await _send.WaitAsync(ct);
            try
            {
                if (socket.State == WebSocketState.Open)
                    await socket.SendAsync(json, WebSocketMessageType.Text, true, ct);
            }
            finally
            {
                _send.Release();
            }
        }
    }
}
