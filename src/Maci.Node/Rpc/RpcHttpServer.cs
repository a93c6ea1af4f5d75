using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maci.Node.Rpc;

/// <summary>
/// CometBFT-compatible JSON-RPC over Kestrel: POST / (single or batch JSON-RPC), GET /&lt;method&gt;?args
/// (URI form, id -1), and /websocket (JSON-RPC over websocket with subscribe/unsubscribe/unsubscribe_all).
/// </summary>
public sealed partial class RpcHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RpcDispatcher _dispatcher;
    private readonly IChainBackend _backend;
    private readonly RpcServerOptions _options;

    private RpcHttpServer(WebApplication app, IChainBackend backend, RpcServerOptions options)
    {
        _app = app;
        _backend = backend;
        _options = options;
        _dispatcher = new RpcDispatcher(backend, options.CallObserver);
    }

    /// <summary>The bound address, e.g. http://127.0.0.1:26657 (the real port when 0 was asked for).</summary>
    public Uri Address { get; private set; } = null!;

    public static async Task<RpcHttpServer> StartAsync(IChainBackend backend, RpcServerOptions? options = null,
        CancellationToken ct = default)
    {
        options ??= new RpcServerOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(options.ListenAddress, options.Port);
            k.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });
        var app = builder.Build();
        var server = new RpcHttpServer(app, backend, options);
        server.Map(app);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    private void Map(WebApplication app)
    {
        app.UseWebSockets();
        if (_options.AllowAnyCorsOrigin)
            app.Use(async (ctx, next) =>
            {
                ctx.Response.Headers.AccessControlAllowOrigin = "*";
                ctx.Response.Headers.AccessControlAllowHeaders = "Content-Type";
                ctx.Response.Headers.AccessControlAllowMethods = "GET, POST, OPTIONS";
                if (HttpMethods.IsOptions(ctx.Request.Method)) return;
                await next(ctx);
            });
        app.MapPost("/", HandlePostAsync);
        app.MapGet("/", ListRoutes);
        app.Map("/websocket", HandleWebSocketAsync);
        app.MapGet("/{method}", HandleUriAsync);
    }

    private async Task HandlePostAsync(HttpContext ctx)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            try
            {
                await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted);
            }
            catch (BadHttpRequestException e)
            {
                await WriteJsonAsync(ctx, StatusCodes.Status400BadRequest,
                    JsonRpcResponse.Error(new JsonRpcId(null), RpcException.InvalidRequest("error reading request body: " + e.Message)));
                return;
            }
            body = buffer.ToArray();
        }

        IReadOnlyList<JsonRpcRequest> requests;
        bool isBatch;
        try
        {
            requests = JsonRpcRequest.ParseBody(body, out isBatch);
        }
        catch (RpcException e)
        {
            var status = e.Code == RpcException.ParseErrorCode ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
            await WriteJsonAsync(ctx, status, JsonRpcResponse.Error(new JsonRpcId(null), e));
            return;
        }

        var responses = new List<byte[]>();
        foreach (var request in requests)
            if (await _dispatcher.HandleAsync(request, ctx.RequestAborted) is { } response)
                responses.Add(response);
        if (responses.Count == 0)
        {
            ctx.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }
        await WriteJsonAsync(ctx, StatusCodes.Status200OK, isBatch ? JoinArray(responses) : responses[0]);
    }

    private async Task HandleUriAsync(HttpContext ctx, string method)
    {
        if (!_dispatcher.Methods.Contains(method))
        {
            await WriteJsonAsync(ctx, StatusCodes.Status404NotFound, JsonRpcResponse.Error(JsonRpcId.Uri, RpcException.MethodNotFound()));
            return;
        }
        var parameters = RpcParams.FromUri(ctx.Request.Query.Select(q => new KeyValuePair<string, string>(q.Key, q.Value.ToString())));
        byte[] response;
        try
        {
            response = JsonRpcResponse.Result(JsonRpcId.Uri, await _dispatcher.CallAsync(method, parameters, ctx.RequestAborted));
        }
        catch (RpcException e)
        {
            response = JsonRpcResponse.Error(JsonRpcId.Uri, e);
        }
        await WriteJsonAsync(ctx, StatusCodes.Status200OK, response);
    }

    private IResult ListRoutes()
    {
        var text = new StringBuilder("Available endpoints:\n");
        foreach (var m in _dispatcher.Methods.Order(StringComparer.Ordinal))
        {
            var args = _dispatcher.ParameterNames(m);
            text.Append("//").Append(Address?.Authority).Append('/').Append(m);
            if (args.Count > 0) text.Append('?').Append(string.Join("&", args.Select(a => a + "=_" + a)));
            text.Append('\n');
        }
        return Results.Text(text.ToString());
    }

    private static byte[] JoinArray(List<byte[]> items)
    {
        using var ms = new MemoryStream();
        ms.WriteByte((byte)'[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) ms.WriteByte((byte)',');
            ms.Write(items[i]);
        }
        ms.WriteByte((byte)']');
        return ms.ToArray();
    }

    private static async Task WriteJsonAsync(HttpContext ctx, int status, byte[] json)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.Body.WriteAsync(json, ctx.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
