using Maci.Abci.Server;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;
using Microsoft.Extensions.Logging;

namespace Maci.Abci.Tests;

/// <summary>Protocol violations close only the offending connection; the server keeps serving.</summary>
public class AbciServerBadInputTests
{
    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Garbage_frame_gets_an_exception_then_close_and_server_keeps_serving(string transport)
    {
        var logger = new ListLogger();
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), transport, logger);

        var responses = await SendAndCollectAsync(server, Convert.FromHexString("03ffffff"));

        var exception = Assert.Single(responses);
        Assert.Equal(Response.ValueOneofCase.Exception, exception.ValueCase);
        Assert.Contains("error decoding request", exception.Exception.Error);
        Assert.True(logger.Has(LogLevel.Error, "protocol error"));
        await AssertServesFreshConnectionAsync(server);
    }

    [Fact]
    public async Task Empty_request_is_an_unknown_request_exception()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);

        var responses = await SendAndCollectAsync(server, [0x00]);

        Assert.Contains("unknown request", Assert.Single(responses).Exception.Error);
        await AssertServesFreshConnectionAsync(server);
    }

    [Fact]
    public async Task Removed_set_option_request_field_4_is_an_unknown_request_exception()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);

        // Request field 4 (SetOption before ABCI 2.0), length-delimited, empty: tag 0x22, length 0.
        var responses = await SendAndCollectAsync(server, [0x02, 0x22, 0x00]);

        Assert.Contains("unknown request", Assert.Single(responses).Exception.Error);
    }

    [Fact]
    public async Task Oversized_length_prefix_is_rejected_with_a_logged_error_without_waiting_for_the_payload()
    {
        var logger = new ListLogger();
        await using var server = await TestServer.StartAsync(
            new KvStoreApplication(), TestServer.Tcp, logger, o => o with { MaxMessageSize = 1024 });

        // Claims 1 GiB but sends nothing more: the server must answer and close at once.
        var prefix = new byte[AbciWire.MaxVarintLength];
        var n = AbciWire.WriteUVarint(prefix, 1UL << 30);
        var responses = await SendAndCollectAsync(server, prefix[..n]);

        Assert.Contains("exceeds max size (1073741824 > 1024)", Assert.Single(responses).Exception.Error);
        Assert.True(logger.Has(LogLevel.Error, "exceeds max size"));
        await AssertServesFreshConnectionAsync(server);
    }

    [Fact]
    public async Task Claimed_length_within_the_maximum_is_not_allocated_up_front()
    {
        var logger = new ListLogger();
        await using var server = await TestServer.StartAsync(
            new KvStoreApplication(), TestServer.Tcp, logger, o => o with { MaxMessageSize = 1 << 30 });
        var prefix = new byte[AbciWire.MaxVarintLength];
        var n = AbciWire.WriteUVarint(prefix, 900UL << 20); // claims 900 MiB, sends 10 bytes
        var before = GC.GetTotalAllocatedBytes(precise: true);

        await using (var raw = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!))
        {
            await raw.SendAsync([.. prefix[..n], .. new byte[10]]);
            raw.ShutdownSend();
            Assert.Empty(await raw.ReadToEndAsync());
        }
        Assert.True(await logger.WaitForAsync(LogLevel.Warning, $"disconnected mid-frame ({n + 10} bytes"));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(allocated < 200L << 20, $"{allocated} bytes allocated while 900 MiB were only claimed");
    }

    [Fact]
    public async Task Application_returning_null_is_an_exception_response()
    {
        await using var server = await TestServer.StartAsync(new NullInfoApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var error = await Assert.ThrowsAsync<AbciServerException>(() => comet.InfoAsync());
        Assert.Contains("returned no ResponseInfo", error.Error);
    }

    [Fact]
    public async Task Varint_prefix_overflowing_64_bits_is_rejected()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);

        var responses = await SendAndCollectAsync(server, Convert.FromHexString("ffffffffffffffffffffff01"));

        Assert.Contains("varint overflows", Assert.Single(responses).Exception.Error);
        await AssertServesFreshConnectionAsync(server);
    }

    [Theory]
    [InlineData(TestServer.Tcp)]
    [InlineData(TestServer.Unix)]
    public async Task Client_disconnecting_mid_frame_just_ends_that_connection(string transport)
    {
        var logger = new ListLogger();
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), transport, logger);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        await using (var raw = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!))
        {
            await raw.SendAsync([0x10, 0x0a, 0x0e, 0x0a]); // prefix of a 16-byte frame + 3 of its bytes
            raw.ShutdownSend();
            Assert.Empty(await raw.ReadToEndAsync());
        }

        Assert.True(await logger.WaitForAsync(LogLevel.Warning, "disconnected mid-frame (4 bytes"));
        Assert.Equal("still here", await CometLikeClient.EchoAsync(comet.Query, "still here"));
        await AssertServesFreshConnectionAsync(server);
    }

    [Fact]
    public async Task Client_resetting_while_responses_are_written_ends_only_that_connection()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var frames = new List<byte>();
        for (var i = 0; i < 5000; i++)
        {
            frames.AddRange(AbciWire.EncodeFrame(new Request { CheckTx = new RequestCheckTx { Tx = Google.Protobuf.ByteString.CopyFromUtf8($"k{i}=v") } }));
        }
        frames.AddRange(AbciWire.EncodeFrame(new Request { Flush = new RequestFlush() }));
        var raw = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!);
        await raw.SendAsync([.. frames]);
        raw.Abort();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (server.ActiveConnections > 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        Assert.Equal(4, server.ActiveConnections);
        Assert.Equal("fine", await CometLikeClient.EchoAsync(comet.Mempool, "fine"));
        await AssertServesFreshConnectionAsync(server);
    }

    [Fact]
    public async Task Responses_before_a_protocol_error_are_delivered_first_in_order()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);

        var bytes = AbciWire.EncodeFrame(new Request { Echo = new RequestEcho { Message = "one" } })
            .Concat(AbciWire.EncodeFrame(new Request { CheckTx = new RequestCheckTx { Tx = Google.Protobuf.ByteString.CopyFromUtf8("a=b") } }))
            .Concat(Convert.FromHexString("03ffffff"))
            .Concat(AbciWire.EncodeFrame(new Request { Echo = new RequestEcho { Message = "never answered" } }))
            .ToArray();
        var responses = await SendAndCollectAsync(server, bytes);

        Assert.Equal(
            new[] { Response.ValueOneofCase.Echo, Response.ValueOneofCase.CheckTx, Response.ValueOneofCase.Exception },
            responses.Select(r => r.ValueCase));
        Assert.Equal("one", responses[0].Echo.Message);
    }

    [Fact]
    public async Task Application_exception_becomes_a_response_exception_and_closes_only_that_connection()
    {
        var logger = new ListLogger();
        await using var server = await TestServer.StartAsync(new ThrowingCommitApplication(new IOException("disk on fire")), TestServer.Tcp, logger);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var error = await Assert.ThrowsAsync<AbciServerException>(() => comet.CommitAsync());
        Assert.Contains("disk on fire", error.Error);
        await comet.Consensus.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(logger.Has(LogLevel.Error, "application failed in Commit"));

        Assert.Equal("alive", await CometLikeClient.EchoAsync(comet.Query, "alive"));
        Assert.Equal(0, (await comet.InfoAsync()).LastBlockHeight);
    }

    [Fact]
    public async Task Bad_transaction_is_a_result_code_not_an_exception()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var check = comet.QueueCheckTx([0xff, 0x00, 0x13]);
        await comet.Mempool.FlushAsync();

        Assert.Equal(KvStoreApplication.CodeInvalidTx, (await check).Code);
        Assert.Equal("ok", await CometLikeClient.EchoAsync(comet.Mempool, "ok"));
    }

    [Fact]
    public async Task Frame_trickling_in_one_byte_at_a_time_is_assembled()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await using var raw = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!);

        var bytes = AbciWire.EncodeFrame(new Request { Echo = new RequestEcho { Message = new string('e', 200) } })
            .Concat(AbciWire.EncodeFrame(new Request { Flush = new RequestFlush() }))
            .ToArray();
        foreach (var b in bytes)
        {
            await raw.SendAsync([b]);
            await Task.Delay(1);
        }
        raw.ShutdownSend();
        var responses = RawAbciSocket.DecodeResponses(await raw.ReadToEndAsync());

        Assert.Equal(new string('e', 200), responses[0].Echo.Message);
        Assert.Equal(Response.ValueOneofCase.Flush, responses[1].ValueCase);
    }

    /// <summary>Sends bytes without closing: the read ends only if the server closes the connection itself.</summary>
    private static async Task<List<Response>> SendAndCollectAsync(AbciSocketServer server, byte[] bytes)
    {
        await using var raw = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!);
        await raw.SendAsync(bytes);
        return RawAbciSocket.DecodeResponses(await raw.ReadToEndAsync());
    }

    private static async Task AssertServesFreshConnectionAsync(AbciSocketServer server)
    {
        await using var fresh = await AbciClientConnection.ConnectAsync(server.LocalEndPoint!, "fresh");
        Assert.Equal("fresh", await CometLikeClient.EchoAsync(fresh, "fresh"));
    }

    private sealed class NullInfoApplication : StubApplication
    {
        public override ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct) => ValueTask.FromResult<ResponseInfo>(null!);
    }
}
