using System.IO.Compression;
using System.Net;
using Google.Protobuf;
using Maci.Grpc.Tests.Protos;

namespace Maci.Grpc.Tests;

/// <summary>Framing and status behaviour checked with hand-built HTTP/2 requests.</summary>
public sealed class WireProtocolTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>, IDisposable
{
    private const string Echo = EchoTestService.Service + "/Echo";
    private readonly GrpcWireClient _client = new(fixture.Server.Endpoint);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Unary_call_returns_headers_message_and_ok_trailers()
    {
        var request = new EchoRequest { Text = "hello", Payload = ByteString.CopyFrom(1, 2, 3) };
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(request),
            headers: [("x-test", "abc"), ("x-data-bin", Convert.ToBase64String([9, 8, 7]).TrimEnd('='))]);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.Headers["Content-Type"]);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
        Assert.Equal("0", response.Trailers["grpc-status"]);
        var reply = Assert.Single(response.Messages(EchoReply.Parser));
        Assert.Equal("hello", reply.Text);
        Assert.Equal(new byte[] { 1, 2, 3 }, reply.Payload.ToByteArray());
        Assert.Equal("abc", reply.MetadataValue);
        Assert.Equal(new byte[] { 9, 8, 7 }, reply.BinaryMetadataValue.ToByteArray());
        Assert.False(reply.HasDeadline);
    }

    [Fact]
    public async Task Content_type_with_proto_suffix_is_accepted()
    {
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = "p" }),
            contentType: "application/grpc+proto");
        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("p", Assert.Single(response.Messages(EchoReply.Parser)).Text);
    }

    [Fact]
    public async Task Message_split_across_many_data_frames_is_reassembled()
    {
        var payload = Enumerable.Range(0, 3000).Select(i => (byte)i).ToArray();
        var frame = GrpcWireClient.Frame(new EchoRequest { Text = "split", Payload = ByteString.CopyFrom(payload) });
        var response = await _client.CallAsync(Echo, new ChunkedContent(frame, chunk: 997));
        var oneByteAtATime = await _client.CallAsync(Echo,
            new ChunkedContent(GrpcWireClient.Frame(new EchoRequest { Text = "bytewise" }), chunk: 1));

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal(payload, Assert.Single(response.Messages(EchoReply.Parser)).Payload.ToByteArray());
        Assert.Equal(StatusCode.OK, oneByteAtATime.Status);
        Assert.Equal("bytewise", Assert.Single(oneByteAtATime.Messages(EchoReply.Parser)).Text);
    }

    [Fact]
    public async Task Unknown_method_and_unknown_service_get_trailers_only_unimplemented()
    {
        var method = await _client.CallAsync(EchoTestService.Service + "/Nope", GrpcWireClient.Frame([]));
        var service = await _client.CallAsync("no.such.Service/Thing", GrpcWireClient.Frame([]));

        Assert.True(method.IsTrailersOnly);
        Assert.Equal(HttpStatusCode.OK, method.HttpStatus);
        Assert.Equal(StatusCode.Unimplemented, method.Status);
        Assert.Contains("Method is unimplemented", method.Message);
        Assert.True(service.IsTrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, service.Status);
        Assert.Contains("Service is unimplemented: no.such.Service", service.Message);
    }

    [Fact]
    public async Task Handler_error_is_trailers_only_with_percent_encoded_message_and_custom_trailers()
    {
        const string text = "bad é 100% ✓ 😀\n";
        var response = await _client.CallAsync(EchoTestService.Service + "/Fail",
            GrpcWireClient.Frame(new FailRequest { Code = (int)StatusCode.NotFound, Message = text }));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.NotFound, response.Status);
        Assert.Equal("bad %C3%A9 100%25 %E2%9C%93 %F0%9F%98%80%0A", response.RawMessage);
        Assert.Equal(text, response.Message);
        Assert.Equal("from-fail-handler", response.Headers["x-failure-detail"]);
        Assert.Equal("AQID+g", response.Headers["x-failure-bin"]);
    }

    [Fact]
    public async Task Bad_content_type_gets_http_415()
    {
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest()), contentType: "application/json");
        var grpcWeb = await _client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest()), contentType: "application/grpc-web");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, grpcWeb.HttpStatus);
        Assert.Contains("application/json", response.Message);
    }

    [Fact]
    public async Task Non_grpc_request_to_unknown_path_is_404_and_get_is_405()
    {
        var notFound = await _client.CallAsync("some/path", [], contentType: "text/plain");
        var get = await _client.CallAsync(Echo, new ByteArrayContent([]), httpMethod: HttpMethod.Get);
        Assert.Equal(HttpStatusCode.NotFound, notFound.HttpStatus);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.HttpStatus);
    }

    [Fact]
    public async Task Oversized_message_gets_resource_exhausted()
    {
        var big = new byte[GrpcServerFixture.MaxReceiveMessageSize + 1];
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(big));
        var declaredOnly = await _client.CallAsync(Echo, GrpcWireClient.Frame([], declaredLength: uint.MaxValue));

        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        Assert.Contains("maximum configured message size", response.Message);
        Assert.Equal(StatusCode.ResourceExhausted, declaredOnly.Status);
    }

    [Fact]
    public async Task Message_of_exactly_the_limit_is_accepted()
    {
        var fill = GrpcServerFixture.MaxReceiveMessageSize - 8;
        var request = new EchoRequest { Payload = ByteString.CopyFrom(new byte[fill]) };
        var size = request.CalculateSize();
        request.Payload = ByteString.CopyFrom(new byte[fill + GrpcServerFixture.MaxReceiveMessageSize - size]);
        Assert.Equal(GrpcServerFixture.MaxReceiveMessageSize, request.CalculateSize());

        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(request));
        Assert.Equal(StatusCode.OK, response.Status);
    }

    [Theory]
    [InlineData(new byte[] { 0xff, 0xff, 0xff }, "Failed to deserialize")]
    [InlineData(new byte[] { 0x0a, 0x05, 0x61 }, "Failed to deserialize")]
    public async Task Malformed_message_gets_internal_and_server_keeps_serving(byte[] garbage, string expected)
    {
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(garbage));
        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains(expected, response.Message);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Framing_errors_get_internal()
    {
        var truncated = await _client.CallAsync(Echo, GrpcWireClient.Frame([1, 2, 3], declaredLength: 10));
        var shortPrefix = await _client.CallAsync(Echo, [0, 0, 0]);
        var empty = await _client.CallAsync(Echo, []);
        var twoMessages = await _client.CallAsync(Echo,
            [.. GrpcWireClient.Frame(new EchoRequest { Text = "a" }), .. GrpcWireClient.Frame(new EchoRequest { Text = "b" })]);
        var badFlag = await _client.CallAsync(Echo, GrpcWireClient.Frame([], flag: 7));

        Assert.Equal(StatusCode.Internal, truncated.Status);
        Assert.Contains("Incomplete message", truncated.Message);
        Assert.Equal(StatusCode.Internal, shortPrefix.Status);
        Assert.Equal(StatusCode.Internal, empty.Status);
        Assert.Contains("without a message", empty.Message);
        Assert.Equal(StatusCode.Internal, twoMessages.Status);
        Assert.Contains("single request message", twoMessages.Message);
        Assert.Equal(StatusCode.Internal, badFlag.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task Compressed_flag_without_encoding_is_internal_and_unknown_encoding_is_unimplemented()
    {
        var frame = GrpcWireClient.Frame(new EchoRequest { Text = "z" }.ToByteArray(), flag: 1);
        var noEncoding = await _client.CallAsync(Echo, frame);
        var identity = await _client.CallAsync(Echo, frame, headers: [("grpc-encoding", "identity")]);
        var snappy = await _client.CallAsync(Echo, frame, headers: [("grpc-encoding", "snappy")]);

        Assert.Equal(StatusCode.Internal, noEncoding.Status);
        Assert.Contains("compressed flag", noEncoding.Message);
        Assert.Equal(StatusCode.Internal, identity.Status);
        Assert.Equal(StatusCode.Unimplemented, snappy.Status);
        Assert.Contains("snappy", snappy.Message);
        Assert.Equal("identity,gzip", snappy.Headers["grpc-accept-encoding"]);
    }

    [Fact]
    public async Task Gzip_compressed_request_is_decompressed()
    {
        var request = new EchoRequest { Text = "compressed", Payload = ByteString.CopyFrom(new byte[5000]) };
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true)) request.WriteTo(gzip);
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(packed.ToArray(), flag: 1),
            headers: [("grpc-encoding", "gzip")]);
        var corrupt = await _client.CallAsync(Echo, GrpcWireClient.Frame("not gzip"u8, flag: 1),
            headers: [("grpc-encoding", "gzip")]);

        Assert.Equal(StatusCode.OK, response.Status);
        var reply = Assert.Single(response.Messages(EchoReply.Parser));
        Assert.Equal(5000, reply.Payload.Length);
        Assert.Equal("gzip", reply.RequestEncoding);
        Assert.Equal(StatusCode.Internal, corrupt.Status);
    }

    [Fact]
    public async Task Gzip_bomb_beyond_the_limit_gets_resource_exhausted()
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Optimal, leaveOpen: true))
            gzip.Write(new byte[GrpcServerFixture.MaxReceiveMessageSize * 4]);
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(packed.ToArray(), flag: 1),
            headers: [("grpc-encoding", "gzip")]);
        Assert.Equal(StatusCode.ResourceExhausted, response.Status);
        Assert.Contains("after decompression", response.Message);
    }

    private async Task AssertStillServingAsync()
    {
        var response = await _client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = "still here" }));
        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal("still here", Assert.Single(response.Messages(EchoReply.Parser)).Text);
    }
}
