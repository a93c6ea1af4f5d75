using Maci.Abci.Server;

namespace Maci.Abci.Tests.Support;

/// <summary>Starts an <see cref="AbciSocketServer"/> on a free TCP port or a fresh Unix socket path.</summary>
public static class TestServer
{
    public const string Tcp = "tcp";
    public const string Unix = "unix";

    public static string AddressFor(string transport) => transport switch
    {
        Tcp => "tcp://127.0.0.1:0",
        Unix => $"unix://{UnixSocketPath()}",
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "tcp or unix"),
    };

    public static string UnixSocketPath() =>
        Path.Combine(Path.GetTempPath(), $"maci-abci-{Guid.NewGuid():N}.sock");

    public static async Task<AbciSocketServer> StartAsync(
        IAbciApplication app, string transport, ListLogger? logger = null, Func<AbciServerOptions, AbciServerOptions>? configure = null)
    {
        var options = new AbciServerOptions { Address = AddressFor(transport) };
        options = configure?.Invoke(options) ?? options;
        var server = new AbciSocketServer(app, options, logger);
        await server.StartAsync();
        return server;
    }
}
