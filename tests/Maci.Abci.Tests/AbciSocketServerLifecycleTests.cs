using System.Net.Sockets;
using Maci.Abci.Server;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests;

public class AbciSocketServerLifecycleTests
{
    [Fact]
    public async Task Stop_closes_open_connections_and_stops_listening()
    {
        var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        var endPoint = server.LocalEndPoint!;
        await using var comet = await CometLikeClient.ConnectAsync(endPoint);
        Assert.Equal("x", await CometLikeClient.EchoAsync(comet.Consensus, "x"));

        await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));

        await Task.WhenAll(comet.All.Select(c => c.Closed)).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, server.ActiveConnections);
        await Assert.ThrowsAnyAsync<SocketException>(() => AbciClientConnection.ConnectAsync(endPoint, "late"));
        await server.StopAsync(); // idempotent
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Run_until_cancelled_then_stops_gracefully_and_removes_the_unix_socket_file()
    {
        var path = TestServer.UnixSocketPath();
        await using var server = new AbciSocketServer(new KvStoreApplication(), new AbciServerOptions { Address = $"unix://{path}" });
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        while (server.LocalEndPoint is null)
        {
            await Task.Delay(5);
        }
        Assert.True(File.Exists(path));
        await using (var client = await AbciClientConnection.ConnectAsync(server.LocalEndPoint, "c"))
        {
            Assert.Equal("up", await CometLikeClient.EchoAsync(client, "up"));
            stop.Cancel();
            await running.WaitAsync(TimeSpan.FromSeconds(10));
            await client.Closed.WaitAsync(TimeSpan.FromSeconds(5));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Stale_unix_socket_file_is_replaced_but_a_live_one_is_not()
    {
        var path = TestServer.UnixSocketPath();
        var boundPath = path + ".orig";
        using (var stale = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            stale.Bind(new UnixDomainSocketEndPoint(boundPath));
            // .NET unlinks the file it bound on dispose; a renamed socket file stays, like after a crash.
            File.Move(boundPath, path);
        }
        Assert.True(File.Exists(path));

        var options = new AbciServerOptions { Address = $"unix://{path}" };
        await using var server = new AbciSocketServer(new KvStoreApplication(), options);
        await server.StartAsync();
        await using (var client = await AbciClientConnection.ConnectAsync(server.LocalEndPoint!, "c"))
        {
            Assert.Equal("hi", await CometLikeClient.EchoAsync(client, "hi"));
        }

        await using var second = new AbciSocketServer(new KvStoreApplication(), options);
        await Assert.ThrowsAsync<SocketException>(() => second.StartAsync());
        await using (var client = await AbciClientConnection.ConnectAsync(server.LocalEndPoint!, "c2"))
        {
            Assert.Equal("still first", await CometLikeClient.EchoAsync(client, "still first"));
        }
    }

    [Fact]
    public async Task A_regular_file_at_the_socket_path_is_not_deleted()
    {
        var path = TestServer.UnixSocketPath();
        await File.WriteAllTextAsync(path, "precious");
        try
        {
            await using var server = new AbciSocketServer(new KvStoreApplication(), new AbciServerOptions { Address = $"unix://{path}" });
            await Assert.ThrowsAsync<SocketException>(() => server.StartAsync());
            Assert.Equal("precious", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Stop_cancels_an_application_call_in_flight()
    {
        var app = new BlockingInfoApplication();
        var server = await TestServer.StartAsync(app, TestServer.Tcp);
        await using var client = await AbciClientConnection.ConnectAsync(server.LocalEndPoint!, "query");
        var info = client.CallAsync(new Request { Info = new RequestInfo() });
        await app.Entered.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await server.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(app.SawCancellation);
        await Assert.ThrowsAsync<IOException>(() => info);
    }

    [Fact]
    public async Task Hosted_service_starts_and_stops_the_server()
    {
        var server = new AbciSocketServer(new KvStoreApplication(), new AbciServerOptions { Address = "tcp://127.0.0.1:0" });
        await using var hosted = new AbciHostedService(server);

        await hosted.StartAsync(CancellationToken.None);
        await using var client = await AbciClientConnection.ConnectAsync(server.LocalEndPoint!, "c");
        Assert.Equal("hosted", await CometLikeClient.EchoAsync(client, "hosted"));

        await hosted.StopAsync(CancellationToken.None);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Starting_twice_is_rejected()
    {
        await using var server = await TestServer.StartAsync(new KvStoreApplication(), TestServer.Tcp);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync());
    }

    [Fact]
    public async Task Connections_beyond_the_limit_are_closed_at_once()
    {
        await using var server = await TestServer.StartAsync(
            new KvStoreApplication(), TestServer.Tcp, configure: o => o with { MaxConnections = 4 });
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);
        foreach (var connection in comet.All)
        {
            Assert.Equal("ok", await CometLikeClient.EchoAsync(connection, "ok"));
        }

        await using var fifth = await RawAbciSocket.ConnectAsync(server.LocalEndPoint!);
        Assert.Empty(await fifth.ReadToEndAsync());
        Assert.Equal("ok", await CometLikeClient.EchoAsync(comet.Consensus, "ok"));
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(1024, 3)]
    public void Invalid_options_are_rejected(int maxMessageSize, int maxConnections)
    {
        var options = new AbciServerOptions { MaxMessageSize = maxMessageSize, MaxConnections = maxConnections };
        Assert.ThrowsAny<ArgumentException>(() => new AbciSocketServer(new KvStoreApplication(), options));
    }

    [Fact]
    public async Task Calls_from_different_connections_run_concurrently_by_default()
    {
        var app = new RendezvousApplication(participants: 2);
        await using var server = await TestServer.StartAsync(app, TestServer.Tcp);
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        // Each Info waits until the other one has entered the application: only possible if both run at once.
        var onQuery = comet.InfoAsync();
        var onOther = comet.Snapshot.CallAsync(new Request { Info = new RequestInfo() });
        await Task.WhenAll(onQuery, onOther).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, app.MaxConcurrent);
    }

    [Fact]
    public async Task Serialized_mode_makes_one_application_call_at_a_time_across_connections()
    {
        var app = new RendezvousApplication(participants: 1);
        await using var server = await TestServer.StartAsync(
            app, TestServer.Tcp, configure: o => o with { SerializeApplicationCalls = true });
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);

        var calls = comet.All
            .SelectMany(c => Enumerable.Range(0, 5).Select(_ => c.CallAsync(new Request { Info = new RequestInfo() })))
            .ToList();
        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, app.MaxConcurrent);
        Assert.Equal(20, app.Calls);
    }
}
