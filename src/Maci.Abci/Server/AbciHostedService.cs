using Microsoft.Extensions.Hosting;

namespace Maci.Abci.Server;

/// <summary>Runs an <see cref="AbciSocketServer"/> as a hosted service: listens on host start, stops gracefully on host stop.</summary>
public sealed class AbciHostedService(AbciSocketServer server) : IHostedService, IAsyncDisposable
{
    public AbciSocketServer Server { get; } = server ?? throw new ArgumentNullException(nameof(server));

    public Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Server.StopAsync().WaitAsync(cancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
