using System.Text.Json;
using Maci.TestSupport;

namespace Maci.Grpc.Tests;

/// <summary>A real client, @grpc/grpc-js (tests/js/grpc/echo-client.mjs), against the server.</summary>
public sealed class GrpcJsInteropTests(GrpcServerFixture fixture) : IClassFixture<GrpcServerFixture>
{
    private static readonly TimeSpan SignalWait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Unary_calls_with_metadata_and_deadline()
    {
        var r = await RunAsync("unary");
        Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
        Assert.Equal("héllo ✓", r.GetProperty("text").GetString());
        Assert.Equal([5, 6, 7], Ints(r.GetProperty("payload")));
        Assert.True(r.GetProperty("hasDeadline").GetBoolean());
        Assert.Equal("from-grpc-js", r.GetProperty("metadataValue").GetString());
        Assert.Equal([0, 1, 254, 255], Ints(r.GetProperty("binaryMetadataValue")));
        Assert.Equal("", r.GetProperty("emptyText").GetString());
        Assert.False(r.GetProperty("emptyHasDeadline").GetBoolean());
    }

    [Fact]
    public async Task Server_streaming_delivers_every_message_in_order()
    {
        var r = await RunAsync("stream");
        Assert.Equal(Enumerable.Range(0, 25), Ints(r.GetProperty("indices")));
        Assert.Equal((int)StatusCode.OK, r.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Streaming_error_after_messages_reaches_the_client()
    {
        var r = await RunAsync("stream-error");
        Assert.Equal([0, 1, 2], Ints(r.GetProperty("indices")));
        var error = r.GetProperty("error");
        Assert.Equal((int)StatusCode.FailedPrecondition, error.GetProperty("code").GetInt32());
        Assert.Equal("stopped after 3 replies", error.GetProperty("details").GetString());
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Short_deadline_against_a_slow_handler_is_deadline_exceeded_and_cancels_the_handler()
    {
        var tag = Guid.NewGuid().ToString();
        var r = await RunAsync("deadline", tag);
        Assert.Equal((int)StatusCode.DeadlineExceeded, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(r.GetProperty("elapsedMs").GetInt32() < 10_000);
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
        await fixture.Service.CancellationObserved(tag).WaitAsync(SignalWait);
    }

    [Fact]
    public async Task Deadline_holds_when_the_handler_ignores_cancellation()
    {
        var r = await RunAsync("deadline-ignored");
        Assert.Equal((int)StatusCode.DeadlineExceeded, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.True(r.GetProperty("elapsedMs").GetInt32() < 10_000);
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Unknown_method_and_service_are_unimplemented()
    {
        var r = await RunAsync("unimplemented");
        Assert.Equal((int)StatusCode.Unimplemented, r.GetProperty("method").GetProperty("code").GetInt32());
        Assert.Contains("DoesNotExist", r.GetProperty("method").GetProperty("details").GetString());
        Assert.Equal((int)StatusCode.Unimplemented, r.GetProperty("service").GetProperty("code").GetInt32());
        Assert.Contains("maci.grpc.test.NoSuchService", r.GetProperty("service").GetProperty("details").GetString());
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Malformed_request_bytes_get_internal_and_the_server_keeps_serving()
    {
        var r = await RunAsync("malformed");
        foreach (var name in new[] { "invalidTag", "truncatedField" })
        {
            Assert.Equal((int)StatusCode.Internal, r.GetProperty(name).GetProperty("code").GetInt32());
            Assert.Contains("Failed to deserialize", r.GetProperty(name).GetProperty("details").GetString());
        }
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Theory]
    [InlineData("Échec: 100% — ünïcødé ✓ 😀")]
    [InlineData("%41 is not an escape here; %%")]
    [InlineData("plain ascii message")]
    public async Task Application_error_message_round_trips_through_percent_encoding(string message)
    {
        var r = await RunAsync("error-message", message);
        var error = r.GetProperty("error");
        Assert.Equal((int)StatusCode.FailedPrecondition, error.GetProperty("code").GetInt32());
        Assert.Equal(message, error.GetProperty("details").GetString());
        Assert.Equal("from-fail-handler", error.GetProperty("trailers").GetProperty("x-failure-detail").GetString());
        Assert.Equal([1, 2, 3, 250], Ints(error.GetProperty("trailers").GetProperty("x-failure-bin")));
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Client_cancellation_reaches_the_handler()
    {
        var tag = Guid.NewGuid().ToString();
        var r = await RunAsync("cancel", tag);
        Assert.True(Ints(r.GetProperty("indices")).Length >= 3);
        Assert.Equal((int)StatusCode.Cancelled, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
        await fixture.Service.CancellationObserved(tag).WaitAsync(SignalWait);
    }

    [Fact]
    public async Task Oversized_request_is_resource_exhausted()
    {
        var r = await RunAsync("oversized", (GrpcServerFixture.MaxReceiveMessageSize + 10).ToString());
        Assert.Equal((int)StatusCode.ResourceExhausted, r.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Contains("maximum configured message size", r.GetProperty("error").GetProperty("details").GetString());
        Assert.Equal("follow-up", r.GetProperty("followUp").GetString());
    }

    [Fact]
    public async Task Gzip_compressed_requests_from_grpc_js_are_accepted()
    {
        var r = await RunAsync("gzip");
        Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
        Assert.Equal("zipped", r.GetProperty("text").GetString());
        Assert.True(r.GetProperty("payloadMatches").GetBoolean());
        Assert.Equal("gzip", r.GetProperty("requestEncoding").GetString());
    }

    private async Task<JsonElement> RunAsync(string scenario, params string[] extra)
    {
        var output = await NodeJs.RunCheckedAsync("grpc/echo-client.mjs", [fixture.Server.Target, scenario, .. extra],
            timeout: TimeSpan.FromSeconds(60));
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];
}
