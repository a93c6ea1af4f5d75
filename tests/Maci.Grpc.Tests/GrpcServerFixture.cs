using System.Net;

namespace Maci.Grpc.Tests;

/// <summary>One server on 127.0.0.1 with a dynamic port, shared by the tests of a class.</summary>
public sealed class GrpcServerFixture : IAsyncLifetime
{
    public const int MaxReceiveMessageSize = 64 * 1024;

    public EchoTestService Service { get; } = new();

    public GrpcServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var registry = new GrpcServiceRegistry().Add(Service);
        Server = await GrpcServer.StartAsync(registry, new GrpcServerOptions
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            MaxReceiveMessageSize = MaxReceiveMessageSize,
        });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
