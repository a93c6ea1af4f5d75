using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maci.Node.Hosting;

/// <summary>Runs a <see cref="NodeHost"/> for the lifetime of a generic host (Ctrl-C / SIGTERM stop it gracefully).</summary>
public sealed class NodeHostedService(NodeHostOptions options, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    public NodeHost? Node { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken) =>
        Node = await NodeHost.StartAsync(options, loggerFactory, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Node is { } node)
        {
            Node = null;
            await node.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}
