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
        using var response = await _http.SendAsync(message, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new GrpcCallException(-1, $"HTTP {(int)response.StatusCode} from {method}");
        var status = Header(response, "grpc-status") ?? throw new GrpcCallException(-1, $"{method}: answer without grpc-status");
        if (status != "0") throw new GrpcCallException(int.Parse(status), Uri.UnescapeDataString(Header(response, "grpc-message") ?? ""));
        if (body.Length < 5) throw new GrpcCallException(-1, $"{method}: OK status without a message");
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
        return parser.ParseFrom(body.AsSpan(5, length));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
        : response.Headers.TryGetValues(name, out var h) ? h.First() : null;

    public void Dispose() => _http.Dispose();
}
