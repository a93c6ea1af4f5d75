using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

/// <summary>
/// Runs a <see cref="GrpcServer"/> for the lifetime of a generic host (registered by
/// <see cref="GrpcServiceCollectionExtensions.AddGrpcServer"/>).
/// </summary>
public sealed class GrpcHostedService(GrpcServiceRegistry registry, GrpcServerOptions options, ILoggerFactory? loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private GrpcServer? _server;

    /// <summary>The bound address once the host has started.</summary>
    public IPEndPoint Endpoint => _server?.Endpoint
        ?? throw new InvalidOperationException("the gRPC server has not been started yet");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) throw new InvalidOperationException("the gRPC server is already started");
        _server = await GrpcServer.StartAsync(registry, options, loggerFactory, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            _server = null;
            await server.StopAsync(cancellationToken);
            await server.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
