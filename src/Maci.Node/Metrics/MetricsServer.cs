using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maci.Node.Metrics;

/// <summary>Serves GET /metrics (Prometheus text format) on its own Kestrel listener.</summary>
public sealed class MetricsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly PrometheusExporter _exporter;

    private MetricsServer(WebApplication app, PrometheusExporter exporter)
    {
        _app = app;
        _exporter = exporter;
    }

    public Uri Address { get; private set; } = null!;

    public static async Task<MetricsServer> StartAsync(NodeMetrics metrics, IPEndPoint endpoint, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        var exporter = new PrometheusExporter(metrics.Meter);
        app.MapGet("/metrics", () => Results.Text(exporter.Render(), "text/plain; version=0.0.4; charset=utf-8"));
        await app.StartAsync(ct);
        var server = new MetricsServer(app, exporter);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), "/metrics");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _exporter.Dispose();
    }
}
