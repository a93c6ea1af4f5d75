namespace Maci.Abci.Server;

/// <summary>Settings of <see cref="AbciSocketServer"/>.</summary>
public sealed record AbciServerOptions
{
    /// <summary>Default CometBFT <c>proxy_app</c> address.</summary>
    public const string DefaultAddress = "tcp://127.0.0.1:26658";

    /// <summary>Where to listen: <c>tcp://host:port</c> (port 0 picks a free port) or <c>unix:///path</c>.</summary>
    public string Address { get; init; } = DefaultAddress;

    /// <summary>
    /// Largest accepted request, in bytes. A longer length prefix closes the connection; the buffer only ever grows
    /// with bytes actually received. Default 100 MiB (CometBFT v0.38.0's limit).
    /// </summary>
    public int MaxMessageSize { get; init; } = 100 * 1024 * 1024;

    /// <summary>Most simultaneous connections; CometBFT needs 4. Extra connections are closed at once.</summary>
    public int MaxConnections { get; init; } = 16;

    /// <summary>
    /// When true, application calls from all connections are made one at a time (CometBFT's reference server
    /// behaviour). When false (default), connections are served concurrently; see <see cref="IAbciApplication"/>.
    /// </summary>
    public bool SerializeApplicationCalls { get; init; }

    /// <summary>
    /// Hand the txs of several pipelined CheckTx requests to the application's <see cref="IAbciPrefetch"/> (if it has
    /// one) before the CheckTx calls. Default true; responses are the same either way.
    /// </summary>
    public bool PrefetchCheckTx { get; init; } = true;

    /// <summary>Responses queued per connection before the request loop waits for the writer.</summary>
    public int ResponseQueueCapacity { get; init; } = 1000;

    /// <summary>Unflushed response bytes that trigger a write even without a Flush request.</summary>
    public int WriteBufferSize { get; init; } = 64 * 1024;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Address))
        {
            throw new ArgumentException("ABCI listen address is empty.", nameof(Address));
        }
        if (MaxMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), MaxMessageSize, "Must be positive.");
        }
        if (MaxConnections < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConnections), MaxConnections, "CometBFT needs at least 4 connections.");
        }
        if (ResponseQueueCapacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ResponseQueueCapacity), ResponseQueueCapacity, "Must be positive.");
        }
        if (WriteBufferSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(WriteBufferSize), WriteBufferSize, "Must be positive.");
        }
    }
}
