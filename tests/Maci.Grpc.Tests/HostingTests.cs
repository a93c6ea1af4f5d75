using System.Net;
using System.Net.Sockets;
using Maci.Grpc.Tests.Protos;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc.Tests;

/// <summary>Starting and stopping servers, embedding the endpoint in a host's own app, server-side limits.</summary>
public sealed class HostingTests
{
    private const string Echo = EchoTestService.Service + "/Echo";
    private static readonly IPEndPoint AnyLoopbackPort = new(IPAddress.Loopback, 0);

    [Fact]
    public async Task Servers_on_port_zero_get_distinct_ports_and_stop_listening_when_disposed()
    {
        var registry = new GrpcServiceRegistry().Add(new EchoTestService());
        var first = await GrpcServer.StartAsync(registry, new GrpcServerOptions { Endpoint = AnyLoopbackPort });
        await using var second = await GrpcServer.StartAsync(registry, new GrpcServerOptions { Endpoint = AnyLoopbackPort });

        Assert.NotEqual(0, first.Endpoint.Port);
        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        Assert.Equal($"127.0.0.1:{first.Endpoint.Port}", first.Target);
        using (var client = new GrpcWireClient(first.Endpoint))
            Assert.Equal(StatusCode.OK, (await client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest()))).Status);

        await first.DisposeAsync();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(first.Endpoint));
    }

    [Fact]
    public async Task Generic_host_starts_and_stops_the_server()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<EchoTestService>();
        builder.Services.AddGrpcServer(sp => new GrpcServiceRegistry().Add(sp.GetRequiredService<EchoTestService>()),
            new GrpcServerOptions { Endpoint = AnyLoopbackPort });
        using var host = builder.Build();
        var grpc = host.Services.GetRequiredService<GrpcHostedService>();
        Assert.Throws<InvalidOperationException>(() => grpc.Endpoint);

        await host.StartAsync();
        var endpoint = grpc.Endpoint;
        using (var client = new GrpcWireClient(endpoint))
        {
            var response = await client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = "hosted" }));
            Assert.Equal("hosted", Assert.Single(response.Messages(EchoReply.Parser)).Text);
        }
        await host.StopAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync(endpoint));
    }

    [Fact]
    public async Task Port_already_in_use_fails_to_start_with_an_exception()
    {
        var registry = new GrpcServiceRegistry().Add(new EchoTestService());
        await using var taken = await GrpcServer.StartAsync(registry, new GrpcServerOptions { Endpoint = AnyLoopbackPort });
        await Assert.ThrowsAnyAsync<IOException>(() =>
            GrpcServer.StartAsync(registry, new GrpcServerOptions { Endpoint = taken.Endpoint }));
    }

    [Fact]
    public async Task Endpoint_can_be_mapped_into_a_host_application_next_to_other_routes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenGrpc(AnyLoopbackPort));
        await using var app = builder.Build();
        app.MapPost("/status/check", () => "posted");
        app.MapGrpcServices(new GrpcServiceRegistry().Add(new EchoTestService()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var endpoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);

        using var client = new GrpcWireClient(endpoint);
        var grpc = await client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = "embedded" }));
        var other = await client.CallAsync("status/check", [], contentType: "text/plain");

        Assert.Equal("embedded", Assert.Single(grpc.Messages(EchoReply.Parser)).Text);
        Assert.Equal(HttpStatusCode.OK, other.HttpStatus);
        Assert.Equal("posted", System.Text.Encoding.UTF8.GetString(other.Body));
        await app.StopAsync();
    }

    [Fact]
    public async Task Messages_larger_than_the_http2_flow_control_window_go_through()
    {
        var registry = new GrpcServiceRegistry().Add(new EchoTestService());
        await using var server = await GrpcServer.StartAsync(registry,
            new GrpcServerOptions { Endpoint = AnyLoopbackPort, MaxReceiveMessageSize = 8 * 1024 * 1024 });
        using var client = new GrpcWireClient(server.Endpoint);
        var payload = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(payload);

        var response = await client.CallAsync(Echo,
            GrpcWireClient.Frame(new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(payload) }));

        Assert.Equal(StatusCode.OK, response.Status);
        Assert.Equal(payload, Assert.Single(response.Messages(EchoReply.Parser)).Payload.ToByteArray());
    }

    [Fact]
    public async Task Response_larger_than_max_send_size_is_resource_exhausted()
    {
        var registry = new GrpcServiceRegistry().Add(new EchoTestService());
        await using var server = await GrpcServer.StartAsync(registry,
            new GrpcServerOptions { Endpoint = AnyLoopbackPort, MaxSendMessageSize = 100 });
        using var client = new GrpcWireClient(server.Endpoint);

        var small = await client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = "ok" }));
        var big = await client.CallAsync(Echo, GrpcWireClient.Frame(new EchoRequest { Text = new string('x', 200) }));

        Assert.Equal(StatusCode.OK, small.Status);
        Assert.True(big.IsTrailersOnly);
        Assert.Equal(StatusCode.ResourceExhausted, big.Status);
        Assert.Contains("Sending message exceeds", big.Message);
    }

    [Fact]
    public async Task Unexpected_handler_exceptions_become_unknown_without_leaking_details()
    {
        var registry = new GrpcServiceRegistry()
            .AddUnary<EchoRequest, EchoReply>("t.S/Throw", EchoRequest.Parser,
                (_, _) => throw new InvalidOperationException("secret internal detail"))
            .AddUnary<EchoRequest, EchoReply>("t.S/Null", EchoRequest.Parser, (_, _) => ValueTask.FromResult<EchoReply>(null!))
            .AddServerStreaming<EchoRequest, EchoReply>("t.S/StreamThrow", EchoRequest.Parser, async (_, writer, _) =>
            {
                await writer.WriteAsync(new EchoReply { Text = "one" });
                throw new InvalidOperationException("secret");
            });
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        await using var server = await GrpcServer.StartAsync(registry,
            new GrpcServerOptions { Endpoint = AnyLoopbackPort }, loggerFactory);
        using var client = new GrpcWireClient(server.Endpoint);

        var thrown = await client.CallAsync("t.S/Throw", GrpcWireClient.Frame(new EchoRequest()));
        var nulled = await client.CallAsync("t.S/Null", GrpcWireClient.Frame(new EchoRequest()));
        var streamed = await client.CallAsync("t.S/StreamThrow", GrpcWireClient.Frame(new EchoRequest()));

        Assert.Equal(StatusCode.Unknown, thrown.Status);
        Assert.DoesNotContain("secret", thrown.Message);
        Assert.Equal(StatusCode.Unknown, nulled.Status);
        Assert.Equal("one", Assert.Single(streamed.Messages(EchoReply.Parser)).Text);
        Assert.Equal("2", streamed.Trailers["grpc-status"]);
        var logged = logs.Entries.Where(e => e.Level == LogLevel.Error && e.Category == "Maci.Grpc").ToList();
        Assert.Contains(logged, e => e.Text.Contains("t.S/Throw") && e.Exception?.Message == "secret internal detail");
        Assert.Contains(logged, e => e.Text.Contains("t.S/StreamThrow"));
    }

    [Fact]
    public void Invalid_receive_limit_is_rejected_when_mapping()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var app = builder.Build();
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            app.MapGrpcServices(new GrpcServiceRegistry(), new GrpcServerOptions { MaxReceiveMessageSize = 0 }));
    }

    [Fact]
    public void Default_options_listen_on_loopback_9090()
    {
        var options = new GrpcServerOptions();
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 9090), options.Endpoint);
        Assert.Equal(4 * 1024 * 1024, options.MaxReceiveMessageSize);
        Assert.Null(options.MaxSendMessageSize);
    }
}
