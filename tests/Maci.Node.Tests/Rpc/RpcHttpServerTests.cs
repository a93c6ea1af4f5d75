using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Rpc;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

public class RpcHttpServerTests
{
    private static async Task<(FakeBackend Backend, RpcHttpServer Server)> StartAsync(int blocks = 3)
    {
        var chain = new TestChain();
        for (var h = 1; h <= blocks; h++) chain.Append([TestChain.Tx(h, 0), TestChain.Tx(h, 1)]);
        var backend = new FakeBackend(chain);
        var server = await RpcHttpServer.StartAsync(backend, new RpcServerOptions(Port: 0));
        return (backend, server);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static HttpRequestMessage Post(Uri uri, string body) =>
        new(HttpMethod.Post, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Serves_post_uri_and_batch_requests()
    {
        var (backend, server) = await StartAsync();
        await using var serverScope = server;
        using var http = new HttpClient();

        var (status, json) = await SendAsync(http, Post(server.Address, "{\"jsonrpc\":\"2.0\",\"id\":123456789012,\"method\":\"status\",\"params\":{}}"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(123456789012, json.GetProperty("id").GetInt64());
        Assert.Equal(TestChain.ChainId, json.GetProperty("result").GetProperty("node_info").GetProperty("network").GetString());

        (_, json) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/block?height=2")));
        Assert.Equal(-1, json.GetProperty("id").GetInt32());
        Assert.Equal("2", json.GetProperty("result").GetProperty("block").GetProperty("header").GetProperty("height").GetString());

        var hash = TxHash.Compute(TestChain.Tx(2, 1));
        (_, json) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get,
            new Uri(server.Address, "/tx_search?query=%22tx.height%3D2%22&order_by=%22desc%22")));
        Assert.Equal("2", json.GetProperty("result").GetProperty("total_count").GetString());
        Assert.Equal(1, json.GetProperty("result").GetProperty("txs")[0].GetProperty("index").GetInt32());
        (_, json) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/tx?hash=0x" + Convert.ToHexString(hash))));
        Assert.Equal("2", json.GetProperty("result").GetProperty("height").GetString());

        (status, json) = await SendAsync(http, new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/nope")));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(-32601, json.GetProperty("error").GetProperty("code").GetInt32());

        (status, json) = await SendAsync(http, Post(server.Address, "{oops"));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Equal(-32700, json.GetProperty("error").GetProperty("code").GetInt32());

        (_, json) = await SendAsync(http, Post(server.Address,
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"health\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"block\",\"params\":{\"height\":\"99\"}}]"));
        Assert.Equal(2, json.GetArrayLength());
        Assert.Equal("{}", json[0].GetProperty("result").GetRawText());
        Assert.Equal(-32603, json[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, backend.Mempool.Size);
    }

    [Fact]
    public async Task Cors_headers_only_when_enabled_and_routes_are_listed()
    {
        var chain = new TestChain();
        chain.Append([]);
        using var http = new HttpClient();
        await using (var open = await RpcHttpServer.StartAsync(new FakeBackend(chain), new RpcServerOptions(Port: 0, AllowAnyCorsOrigin: true)))
        {
            using var preflight = await http.SendAsync(new HttpRequestMessage(HttpMethod.Options, open.Address));
            Assert.Equal("*", preflight.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var routes = await http.GetStringAsync(open.Address);
            Assert.Contains("/tx_search?query=_query&prove=_prove&page=_page&per_page=_per_page&order_by=_order_by", routes);
        }
        await using var closed = await RpcHttpServer.StartAsync(new FakeBackend(chain), new RpcServerOptions(Port: 0));
        using var health = await http.GetAsync(new Uri(closed.Address, "/health"));
        Assert.False(health.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("application/json", health.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Oversized_body_is_an_invalid_request()
    {
        var chain = new TestChain();
        chain.Append([]);
        await using var server = await RpcHttpServer.StartAsync(new FakeBackend(chain), new RpcServerOptions(Port: 0, MaxBodyBytes: 100));
        using var http = new HttpClient();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"broadcast_tx_sync\",\"params\":{\"tx\":\"" + new string('A', 200) + "\"}}";
        var (status, json) = await SendAsync(http, Post(server.Address, body));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(-32600, json.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Websocket_subscription_receives_events_with_the_subscribe_id()
    {
        var (backend, server) = await StartAsync();
        await using var serverScope = server;
        using var ws = new ClientWebSocket();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await ws.ConnectAsync(new Uri(server.Address.ToString().Replace("http", "ws") + "websocket"), cts.Token);

        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event='NewBlock'\"}}", cts.Token);
        var ack = await ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal("sub-1", ack.GetProperty("id").GetString());
        Assert.Equal("{}", ack.GetProperty("result").GetRawText());

        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event=\"}}", cts.Token);
        var bad = await ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal(-32603, bad.GetProperty("error").GetProperty("code").GetInt32());

        await backend.ProduceBlockAsync();
        var evt = await ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal("sub-1", evt.GetProperty("id").GetString());
        var result = evt.GetProperty("result");
        Assert.Equal("tm.event='NewBlock'", result.GetProperty("query").GetString());
        Assert.Equal("4", result.GetProperty("data").GetProperty("value").GetProperty("block").GetProperty("header").GetProperty("height").GetString());

        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"status\"}", cts.Token);
        Assert.Equal("4", (await ReceiveJsonAsync(ws, cts.Token)).GetProperty("result").GetProperty("sync_info").GetProperty("latest_block_height").GetString());

        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"unsubscribe\",\"params\":{\"query\":\"tm.event='NewBlock'\"}}", cts.Token);
        Assert.Equal(7, (await ReceiveJsonAsync(ws, cts.Token)).GetProperty("id").GetInt32());
        Assert.Equal(0, backend.Events.SubscriptionCount);
        await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
    }

    [Fact]
    public async Task Websocket_calls_take_positional_params_and_report_to_the_observer()
    {
        var chain = new TestChain();
        chain.Append([TestChain.Tx(1, 0)]);
        var backend = new FakeBackend(chain);
        var calls = new System.Collections.Concurrent.ConcurrentQueue<(string Method, bool Failed)>();
        await using var server = await RpcHttpServer.StartAsync(backend,
            new RpcServerOptions(Port: 0) { CallObserver = (method, elapsed, failed) => calls.Enqueue((method, failed)) });
        using var ws = new ClientWebSocket();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await ws.ConnectAsync(new Uri(server.Address.ToString().Replace("http", "ws") + "websocket"), cts.Token);

        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"abci_query\",\"params\":[\"/store\",\"0A0B\",\"1\",false]}", cts.Token);
        var answer = await ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal("AQID", answer.GetProperty("result").GetProperty("response").GetProperty("value").GetString());
        Assert.Equal(("/store", 1L), (backend.Queries[0].Path, backend.Queries[0].Height));
        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"unsubscribe_all\",\"params\":[]}", cts.Token);
        Assert.Equal(-32603, (await ReceiveJsonAsync(ws, cts.Token)).GetProperty("error").GetProperty("code").GetInt32());
        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}", cts.Token);
        Assert.Equal(-32601, (await ReceiveJsonAsync(ws, cts.Token)).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal([("abci_query", false), ("unsubscribe_all", true), ("unknown", true)], calls.ToArray());
        await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cts.Token);
    }

    [Fact]
    public async Task Dropped_websocket_client_loses_its_subscriptions()
    {
        var (backend, server) = await StartAsync();
        await using var serverScope = server;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri(server.Address.ToString().Replace("http", "ws") + "websocket"), cts.Token);
        await SendTextAsync(ws, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{\"query\":\"tm.event='Tx'\"}}", cts.Token);
        await ReceiveJsonAsync(ws, cts.Token);
        Assert.Equal(1, backend.Events.SubscriptionCount);
        ws.Abort();
        ws.Dispose();
        while (backend.Events.SubscriptionCount > 0 && !cts.IsCancellationRequested) await Task.Delay(20);
        Assert.Equal(0, backend.Events.SubscriptionCount);
        await backend.ProduceBlockAsync();
        using var http = new HttpClient();
        Assert.Contains("\"result\"", await http.GetStringAsync(new Uri(server.Address, "/health")));
    }

    private static Task SendTextAsync(ClientWebSocket ws, string text, CancellationToken ct) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    private static async Task<JsonElement> ReceiveJsonAsync(ClientWebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        using var ms = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, ct);
            ms.Write(buffer, 0, r.Count);
        } while (!r.EndOfMessage);
        return JsonDocument.Parse(ms.ToArray()).RootElement.Clone();
    }
}
