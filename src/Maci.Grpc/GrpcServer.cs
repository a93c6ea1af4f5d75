using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

/// <summary>
/// A standalone Kestrel server that serves only gRPC (h2c) on <see cref="GrpcServerOptions.Endpoint"/>.
/// A host that already runs its own WebApplication can instead call <see cref="GrpcKestrelExtensions.ListenGrpc"/>
/// and <see cref="GrpcEndpointRouteBuilderExtensions.MapGrpcServices"/>.
/// </summary>
public sealed class GrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcServer(WebApplication app, IPEndPoint endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The bound address (with the real port when port 0 was asked for).</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>The "host:port" target a client dials, e.g. "127.0.0.1:9090".</summary>
    public string Target => Endpoint.ToString();

    /// <summary>
    /// Starts serving <paramref name="registry"/> (snapshotted now). Logs go to <paramref name="loggerFactory"/> when
    /// given (e.g. the node host's), else to what <see cref="GrpcServerOptions.ConfigureLogging"/> sets up (nothing by
    /// default). Throws (an IOException) when the address cannot be bound.
    /// </summary>
    public static async Task<GrpcServer> StartAsync(GrpcServiceRegistry registry, GrpcServerOptions? options = null,
        ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new GrpcServerOptions();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.ListenGrpc(options.Endpoint));
        builder.Services.AddRoutingCore();
        if (loggerFactory is not null) builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging(logging => options.ConfigureLogging?.Invoke(logging));
        var app = builder.Build();
        app.UseRouting();
        app.MapGrpcServices(registry, options);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new GrpcServer(app, BoundEndpoint(app, options.Endpoint));
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IPEndPoint BoundEndpoint(WebApplication app, IPEndPoint requested)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        foreach (var address in addresses?.Addresses ?? [])
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0)
                return new IPEndPoint(requested.Address, uri.Port);
        return requested;
    }
}
