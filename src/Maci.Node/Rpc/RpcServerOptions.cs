using System.Net;

namespace Maci.Node.Rpc;

/// <summary>Where and how the RPC listens (CometBFT defaults: 127.0.0.1:26657, 1 MB bodies).</summary>
public sealed record RpcServerOptions(
    IPAddress? Address = null,
    int Port = 26657,
    long MaxBodyBytes = 1_000_000,
    bool AllowAnyCorsOrigin = false)
{
    public IPAddress ListenAddress => Address ?? IPAddress.Loopback;

    /// <summary>
    /// Called after every JSON-RPC call (HTTP POST, GET URI and websocket, subscribe included) with the method
    /// ("unknown" for a method that does not exist), the time it took and whether it failed. For metrics.
    /// </summary>
    public Action<string, TimeSpan, bool>? CallObserver { get; init; }
}
