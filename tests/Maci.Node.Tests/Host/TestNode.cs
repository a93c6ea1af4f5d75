using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.Cosmos;
using Maci.Node.Chain;
using Maci.Node.Cli;
using Maci.Node.Hosting;
using Maci.Node.Producer;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.V1Beta1;
using Maci.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Node.Tests.Host;

/// <summary>An in-process macid (NodeHost) on a temporary home with dynamic ports and a short block interval.</summary>
internal sealed class TestNode : IAsyncDisposable
{
    public const string ChainId = "maci-devnet-1";
    public const string Mnemonic0 = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    public const string Address0 = "maci19rl4cm2hmr8afy4kldpxz3fka4jguq0a3g62ed";
    public const string Mnemonic1 = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    public const string Address1 = "maci1avgyh77ycn997ja45q5q8ss8y9mr424jdj4yne";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly bool _ownsHome;

    private TestNode(string home, NodeHost host, bool ownsHome)
    {
        HomeDir = home;
        Host = host;
        _ownsHome = ownsHome;
    }

    public string HomeDir { get; }
    public NodeHost Host { get; private set; }
    public string RpcUrl => Host.RpcAddress.ToString().TrimEnd('/');

    public static string NewHome()
    {
        var home = Path.Combine(Path.GetTempPath(), "macid-test-" + Guid.NewGuid().ToString("N")[..12]);
        InitCommand.Run(home, ChainId, "test-node", ChainTime.FromDateTimeOffset(DateTimeOffset.UtcNow));
        return home;
    }

    /// <param name="stages">Optional <see cref="BlockProducer.StageReached"/> hook (pause or fail a height between steps).</param>
    /// <param name="clock">Optional block clock (tests that step block time forward).</param>
    public static async Task<TestNode> StartAsync(string? home = null, TimeSpan? interval = null, bool grpc = false, bool metrics = false,
        Func<ProducerStage, Block, ValueTask>? stages = null, Func<ChainTime>? clock = null)
    {
        var owns = home is null;
        home ??= NewHome();
        var host = await NodeHost.StartAsync(Options(home, interval, grpc, metrics) with { ProducerStageHook = stages, Clock = clock }, NullLoggerFactory.Instance);
        return new TestNode(home, host, owns);
    }

    private static NodeHostOptions Options(string home, TimeSpan? interval, bool grpc, bool metrics) => new()
    {
        Home = home,
        Rpc = new IPEndPoint(IPAddress.Loopback, 0),
        Grpc = grpc ? new IPEndPoint(IPAddress.Loopback, 0) : null,
        Metrics = metrics ? new IPEndPoint(IPAddress.Loopback, 0) : null,
        BlockInterval = interval ?? TimeSpan.FromMilliseconds(200),
    };

    /// <summary>The umaci balance of an address through the JSON-RPC abci_query (latest committed state).</summary>
    public async Task<long> BalanceAsync(string address)
    {
        var r = await RpcAsync("abci_query", new JsonObject
        {
            ["path"] = "/cosmos.bank.v1beta1.Query/Balance",
            ["data"] = Convert.ToHexString(new Maci.Proto.Cosmos.Bank.V1Beta1.QueryBalanceRequest { Address = address, Denom = "umaci" }.ToByteArray()),
        });
        var value = Convert.FromBase64String((string?)r["response"]!["value"] ?? "");
        return long.Parse(Maci.Proto.Cosmos.Bank.V1Beta1.QueryBalanceResponse.Parser.ParseFrom(value).Balance?.Amount ?? "0");
    }

    /// <summary>tx_search hits for a tx hash (hex), without waiting.</summary>
    public async Task<int> TxSearchCountAsync(string hash) =>
        ((JsonArray)(await RpcAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hash}'" }))["txs"]!).Count;

    /// <summary>sync_info.latest_block_height from status.</summary>
    public async Task<long> StatusHeightAsync() =>
        long.Parse((string)(await RpcAsync("status"))["sync_info"]!["latest_block_height"]!);

    /// <summary>A websocket connected to /websocket.</summary>
    public async Task<ClientWebSocket> WebSocketAsync(CancellationToken ct)
    {
        var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri(RpcUrl.Replace("http", "ws") + "/websocket"), ct);
        return ws;
    }

    public static Task SendJsonAsync(ClientWebSocket ws, string json, CancellationToken ct) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);

    public static async Task<JsonNode> ReceiveJsonAsync(ClientWebSocket ws, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        using var ms = new MemoryStream();
        WebSocketReceiveResult r;
        do
        {
            r = await ws.ReceiveAsync(buffer, ct);
            if (r.MessageType == WebSocketMessageType.Close) throw new WebSocketException("the server closed the websocket");
            ms.Write(buffer, 0, r.Count);
        } while (!r.EndOfMessage);
        return JsonNode.Parse(ms.ToArray())!;
    }

    /// <summary>One unary gRPC call to the node over cleartext HTTP/2; returns grpc-status and the response message bytes.</summary>
    public async Task<(string Status, byte[] Message)> GrpcUnaryAsync(string method, IMessage request)
    {
        using var client = new GrpcUnaryClient(Host.GrpcTarget!);
        return await client.SendAsync(method, request);
    }

    /// <summary>Stops block production (servers and stores stay open until disposal).</summary>
    public Task StopAsync() => Host.StopAsync();

    public async Task<JsonNode> RpcAsync(string method, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        using var response = await Http.PostAsync(RpcUrl, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if (json["error"] is { } e) throw new InvalidOperationException($"{method}: {e.ToJsonString()}");
        return json["result"]!;
    }

    /// <summary>A signed MsgSend from a key (account number and sequence given), gas 200000, fee 500umaci.</summary>
    public static byte[] SendTx(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string to, long amount, string chainId = ChainId)
    {
        var msg = new MsgSend { FromAddress = key.Bech32Address("maci"), ToAddress = to };
        msg.Amount.Add(new Coin { Denom = "umaci", Amount = amount.ToString() });
        return TxBuilder.Sign(TxBuilder.Body([msg], ""), key, accountNumber, sequence, chainId,
            [new Coin { Denom = "umaci", Amount = "500" }], 200_000);
    }

    /// <summary>broadcast_tx_sync; returns (code, hash hex).</summary>
    public async Task<(uint Code, string Hash, string Log)> BroadcastAsync(byte[] tx)
    {
        var r = await RpcAsync("broadcast_tx_sync", new JsonObject { ["tx"] = Convert.ToBase64String(tx) });
        return ((uint?)r["code"] ?? 0, (string)r["hash"]!, (string?)r["log"] ?? "");
    }

    public async Task<JsonNode?> WaitForTxAsync(string hash, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var found = await RpcAsync("tx_search", new JsonObject { ["query"] = $"tx.hash='{hash}'" });
            if (found["txs"] is JsonArray { Count: > 0 } txs) return txs[0];
            await Task.Delay(100);
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsHome) DeleteHome(HomeDir);
    }

    public static void DeleteHome(string home)
    {
        try
        {
            Directory.Delete(home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
