using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using Maci.Grpc.Tests.Protos;

namespace Maci.Grpc.Tests;

public sealed class DeadlineAndStreamingTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>, IDisposable
{
    private const string Slow = EchoTestService.Service + "/Slow";
    private const string Count = EchoTestService.Service + "/Count";
    private static readonly TimeSpan SignalWait = TimeSpan.FromSeconds(10);
    private readonly GrpcWireClient _client = new(fixture.Server.Endpoint);

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Deadline_cancels_the_handler_and_returns_deadline_exceeded()
    {
        var tag = Guid.NewGuid().ToString();
        var watch = Stopwatch.StartNew();
        var response = await _client.CallAsync(Slow, GrpcWireClient.Frame(new SlowRequest { DelayMs = 20_000, Tag = tag }),
            headers: [("grpc-timeout", "150m")]);

        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
        await fixture.Service.CancellationObserved(tag).WaitAsync(SignalWait);
    }

    [Fact]
    public async Task Deadline_is_answered_even_when_the_handler_ignores_cancellation()
    {
        var watch = Stopwatch.StartNew();
        var response = await _client.CallAsync(Slow,
            GrpcWireClient.Frame(new SlowRequest { DelayMs = 20_000, IgnoreCancellation = true }),
            headers: [("grpc-timeout", "200000u")]);

        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Handler_that_finishes_in_time_sees_its_deadline()
    {
        var response = await _client.CallAsync(EchoTestService.Service + "/Echo",
            GrpcWireClient.Frame(new EchoRequest { Text = "t" }), headers: [("grpc-timeout", "5S")]);
        var slow = await _client.CallAsync(Slow, GrpcWireClient.Frame(new SlowRequest { DelayMs = 10 }),
            headers: [("grpc-timeout", "1M")]);

        Assert.True(Assert.Single(response.Messages(EchoReply.Parser)).HasDeadline);
        Assert.Equal(StatusCode.OK, slow.Status);
        Assert.Equal("slow done", Assert.Single(slow.Messages(EchoReply.Parser)).Text);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("5X")]
    public async Task Malformed_grpc_timeout_is_internal(string value)
    {
        var response = await _client.CallAsync(Slow, GrpcWireClient.Frame(new SlowRequest()),
            headers: [("grpc-timeout", value)]);
        Assert.Equal(StatusCode.Internal, response.Status);
        Assert.Contains("grpc-timeout", response.Message);
    }

    [Fact]
    public async Task Server_streaming_sends_every_message_then_ok_trailers()
    {
        var response = await _client.CallAsync(Count, GrpcWireClient.Frame(new CountRequest { Count = 5 }));

        Assert.False(response.IsTrailersOnly);
        Assert.Equal("0", response.Trailers["grpc-status"]);
        Assert.Equal([0, 1, 2, 3, 4], response.Messages(CountReply.Parser).Select(r => r.Index));
    }

    [Fact]
    public async Task Streaming_error_after_messages_comes_in_trailers()
    {
        var response = await _client.CallAsync(Count, GrpcWireClient.Frame(new CountRequest { Count = 5, FailAfter = 2 }));

        Assert.Equal([0, 1], response.Messages(CountReply.Parser).Select(r => r.Index));
        Assert.Equal("9", response.Trailers["grpc-status"]);
        Assert.Equal("stopped after 2 replies", response.Message);
        Assert.False(response.Headers.ContainsKey("grpc-status"));
    }

    [Fact]
    public async Task Streaming_with_no_messages_is_trailers_only_ok()
    {
        var response = await _client.CallAsync(Count, GrpcWireClient.Frame(new CountRequest { Count = 0 }));
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.OK, response.Status);
    }

    [Fact]
    public async Task Deadline_in_the_middle_of_a_stream_ends_it_with_deadline_exceeded()
    {
        var tag = Guid.NewGuid().ToString();
        var response = await _client.CallAsync(Count,
            GrpcWireClient.Frame(new CountRequest { Count = 1000, DelayMs = 20, Tag = tag }), headers: [("grpc-timeout", "300m")]);

        var received = response.Messages(CountReply.Parser);
        Assert.NotEmpty(received);
        Assert.True(received.Count < 1000);
        Assert.Equal(Enumerable.Range(0, received.Count), received.Select(r => r.Index));
        Assert.Equal(StatusCode.DeadlineExceeded, response.Status);
        await fixture.Service.CancellationObserved(tag).WaitAsync(SignalWait);
    }

    [Fact]
    public async Task Client_cancellation_cancels_the_handler_and_the_server_keeps_serving()
    {
        var tag = Guid.NewGuid().ToString();
        using var http = new HttpClient(new SocketsHttpHandler());
        using var cts = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://{fixture.Server.Endpoint}/{Count}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = GrpcWireClient.Content(GrpcWireClient.Frame(new CountRequest { Count = 100_000, DelayMs = 10, Tag = tag })),
        };
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        var prefix = new byte[5];
        await stream.ReadExactlyAsync(prefix, cts.Token);
        Assert.Equal(0, prefix[0]);
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1)) < 16);

        await cts.CancelAsync();
        response.Dispose(); // resets the HTTP/2 stream (RST_STREAM CANCEL)

        await fixture.Service.CancellationObserved(tag).WaitAsync(SignalWait);
        var after = await _client.CallAsync(Count, GrpcWireClient.Frame(new CountRequest { Count = 2 }));
        Assert.Equal(StatusCode.OK, after.Status);
        Assert.Equal(2, after.Messages(CountReply.Parser).Count);
    }
}
