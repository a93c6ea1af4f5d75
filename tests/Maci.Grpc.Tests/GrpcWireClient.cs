using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace Maci.Grpc.Tests;

/// <summary>A raw gRPC client over HttpClient (HTTP/2 prior knowledge) to send hand-built frames.</summary>
public sealed class GrpcWireClient : IDisposable
{
    private readonly HttpClient _http;

    public GrpcWireClient(IPEndPoint endpoint) => _http = new HttpClient(new SocketsHttpHandler())
    {
        BaseAddress = new Uri($"http://{endpoint}"),
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<GrpcWireResponse> CallAsync(string method, HttpContent content,
        IEnumerable<(string Name, string Value)>? headers = null, HttpMethod? httpMethod = null)
    {
        using var request = new HttpRequestMessage(httpMethod ?? HttpMethod.Post, "/" + method)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        foreach (var (name, value) in headers ?? [])
            request.Headers.TryAddWithoutValidation(name, value);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new GrpcWireResponse(response.StatusCode, Flatten(response.Headers, response.Content.Headers),
            Flatten(response.TrailingHeaders), body);
    }

    public Task<GrpcWireResponse> CallAsync(string method, byte[] body, string contentType = "application/grpc",
        IEnumerable<(string Name, string Value)>? headers = null) =>
        CallAsync(method, Content(body, contentType), headers);

    public static HttpContent Content(byte[] body, string contentType = "application/grpc")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    /// <summary>One length-prefixed message: flag byte, 4-byte big-endian length, bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(IMessage message) => Frame(message.ToByteArray());

    public void Dispose() => _http.Dispose();

    private static Dictionary<string, string> Flatten(params HttpHeaders[] groups)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups)
            foreach (var (name, values) in group.NonValidated)
                result[name] = string.Join(",", values);
        return result;
    }
}
