using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;

namespace Maci.Grpc.Tests;

public sealed record GrpcWireResponse(HttpStatusCode HttpStatus, Dictionary<string, string> Headers,
    Dictionary<string, string> Trailers, byte[] Body)
{
    /// <summary>True when the status came in the only HEADERS frame (no body, no trailers).</summary>
    public bool IsTrailersOnly => Headers.ContainsKey("grpc-status") && Trailers.Count == 0 && Body.Length == 0;

    public StatusCode Status => (StatusCode)int.Parse(
        Trailers.GetValueOrDefault("grpc-status") ?? Headers.GetValueOrDefault("grpc-status")
        ?? throw new InvalidOperationException("response has no grpc-status"));

    public string RawMessage => Trailers.GetValueOrDefault("grpc-message") ?? Headers.GetValueOrDefault("grpc-message") ?? "";

    public string Message => GrpcStatusMessage.Decode(RawMessage);

    public List<T> Messages<T>(MessageParser<T> parser) where T : IMessage<T>
    {
        var result = new List<T>();
        var rest = Body.AsSpan();
        while (rest.Length > 0)
        {
            Assert.True(rest.Length >= 5, "truncated message prefix in response");
            Assert.Equal(0, rest[0]);
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(rest[1..]);
            result.Add(parser.ParseFrom(rest.Slice(5, length).ToArray()));
            rest = rest[(5 + length)..];
        }
        return result;
    }
}
