using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Maci.TestSupport;

/// <summary>
/// A minimal gRPC client for unary calls: HttpClient over cleartext HTTP/2 (prior knowledge), one length-prefixed
/// protobuf message each way, the status read from the grpc-status trailer (or a trailers-only answer).
/// </summary>
public sealed class GrpcUnaryClient(string target) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler())
    {
        BaseAddress = new Uri($"http://{target}"),
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Calls <paramref name="method"/> ("package.Service/Method"); a non-OK status throws <see cref="GrpcCallException"/>.</summary>
    public async Task<TResponse> CallAsync<TResponse>(string method, IMessage request, MessageParser<TResponse> parser,
        IEnumerable<(string Name, string Value)>? headers = null, CancellationToken ct = default)
        where TResponse : IMessage<TResponse>
    {
        using var response = await PostAsync(method, request, headers, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new GrpcCallException(-1, $"HTTP {(int)response.StatusCode} from {method}");
        var status = Header(response, "grpc-status") ?? throw new GrpcCallException(-1, $"{method}: answer without grpc-status");
        if (status != "0") throw new GrpcCallException(int.Parse(status), Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
        if (body.Length < 5) throw new GrpcCallException(-1, $"{method}: OK status without a message");
        return parser.ParseFrom(FirstMessage(body));
    }

    /// <summary>
    /// Calls <paramref name="method"/> and returns the grpc-status as sent ("missing" when absent) and the response
    /// message bytes (empty when none), for tests that assert on non-OK statuses.
    /// </summary>
    public async Task<(string Status, byte[] Message)> SendAsync(string method, IMessage request, CancellationToken ct = default)
    {
        using var response = await PostAsync(method, request, null, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        return (Header(response, "grpc-status") ?? "missing", body.Length >= 5 ? FirstMessage(body).ToArray() : []);
    }

    private async Task<HttpResponseMessage> PostAsync(string method, IMessage request, IEnumerable<(string Name, string Value)>? headers,
        CancellationToken ct)
    {
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/" + method.TrimStart('/'))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        message.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers ?? []) message.Headers.TryAddWithoutValidation(name, value);
        return await _http.SendAsync(message, ct);
    }

    private static ReadOnlySpan<byte> FirstMessage(byte[] body) => body.AsSpan(5, (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1)));

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
        : response.Headers.TryGetValues(name, out var h) ? h.First() : null;

    public void Dispose() => _http.Dispose();
}
