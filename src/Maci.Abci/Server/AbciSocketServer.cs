using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Abci.Server;

/// <summary>
/// ABCI socket server for CometBFT v0.38 (<c>abci = "socket"</c>): listens on TCP or a Unix socket, serves every
/// connection on its own task (see <see cref="IAbciApplication"/> for the threading contract) and answers each
/// connection's requests in order.
/// </summary>
/// <example>
/// <code>
/// await using var server = new AbciSocketServer(app, new AbciServerOptions { Address = "tcp://0.0.0.0:26658" }, logger);
/// await server.RunAsync(stoppingToken); // or StartAsync() ... StopAsync()
/// </code>
/// </example>
public sealed class AbciSocketServer : IAsyncDisposable
{
    private readonly AbciServerOptions _options;
    private readonly ILogger _logger;
    private readonly AbciRequestDispatcher _dispatcher;
    private readonly SemaphoreSlim? _gate;
    private readonly ConcurrentDictionary<long, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _stateLock = new();
    private Socket? _listener;
    private Task? _acceptLoop;
    private string? _unixSocketPath;
    private long _nextConnectionId;
    private bool _stopped;

    /// <param name="application">The application that answers the requests.</param>
    /// <param name="options">Listen address and limits.</param>
    /// <param name="logger">Optional logger; nothing is logged without one.</param>
    public AbciSocketServer(IAbciApplication application, AbciServerOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _gate = options.SerializeApplicationCalls ? new SemaphoreSlim(1, 1) : null;
        _dispatcher = new AbciRequestDispatcher(application, _gate);
    }

    /// <summary>The bound endpoint (with the real port when port 0 was requested); null before start.</summary>
    public EndPoint? LocalEndPoint => _listener?.LocalEndPoint;

    /// <summary>The bound endpoint in address form, e.g. <c>tcp://127.0.0.1:26658</c>; null before start.</summary>
    public string? ListenAddress => LocalEndPoint is { } endPoint ? AbciAddress.Format(endPoint) : null;

    /// <summary>Number of connections being served.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Binds the listener and starts accepting connections; returns once listening.</summary>
    /// <exception cref="InvalidOperationException">Already started or stopped.</exception>
    /// <exception cref="SocketException">The address cannot be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_stateLock)
        {
            if (_listener is not null || _stopped)
            {
                throw new InvalidOperationException("The ABCI server can be started only once.");
            }
            var endPoint = AbciAddress.Parse(_options.Address);
            _listener = Bind(endPoint);
            _unixSocketPath = endPoint is UnixDomainSocketEndPoint ? endPoint.ToString() : null;
            AbciServerLog.Listening(_logger, ListenAddress!);
            _acceptLoop = AcceptLoopAsync(_listener, _stopping.Token);
        }
        return Task.CompletedTask;
    }

    /// <summary>Starts, serves until <paramref name="stoppingToken"/> is cancelled, then stops gracefully.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        await StartAsync(stoppingToken).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Stops accepting, cancels in-flight application calls, closes every connection and waits for them to end.
    /// Idempotent.
    /// </summary>
    public async Task StopAsync()
    {
        Task? acceptLoop;
        lock (_stateLock)
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            acceptLoop = _acceptLoop;
        }
        _stopping.Cancel();
        _listener?.Dispose();
        if (acceptLoop is not null)
        {
            await acceptLoop.ConfigureAwait(false);
        }
        await Task.WhenAll(_connections.Values).ConfigureAwait(false);
        if (_unixSocketPath is not null)
        {
            TryDelete(_unixSocketPath);
        }
        AbciServerLog.Stopped(_logger);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _gate?.Dispose();
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (stopping.IsCancellationRequested
                && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException e)
            {
                AbciServerLog.AcceptFailed(_logger, e);
                continue;
            }

            if (_connections.Count >= _options.MaxConnections)
            {
                AbciServerLog.TooManyConnections(_logger, _options.MaxConnections);
                client.Dispose();
                continue;
            }
            if (client.ProtocolType == ProtocolType.Tcp)
            {
                client.NoDelay = true;
            }
            var id = Interlocked.Increment(ref _nextConnectionId);
            AbciServerLog.Accepted(_logger, id, client.RemoteEndPoint?.ToString() ?? "unix socket");
            var connection = new AbciConnection(id, client, _dispatcher, _options, _logger);
            // Registered before it runs, so StopAsync always waits for it.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _connections[id] = ServeAsync(id, connection, start.Task, stopping);
            start.SetResult();
        }
    }

    private async Task ServeAsync(long id, AbciConnection connection, Task registered, CancellationToken stopping)
    {
        await registered.ConfigureAwait(false);
        try
        {
            await connection.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AbciServerLog.ConnectionFailed(_logger, id, e);
        }
        finally
        {
            _connections.TryRemove(id, out _);
        }
    }

    private static Socket Bind(EndPoint endPoint)
    {
        if (endPoint is UnixDomainSocketEndPoint unix)
        {
            return BindUnix(unix);
        }
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(endPoint);
            socket.Listen(128);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static Socket BindUnix(UnixDomainSocketEndPoint endPoint)
    {
        var path = endPoint.ToString();
        if (File.Exists(path) && new FileInfo(path).Length == 0 && !IsLive(endPoint))
        {
            // A socket file left by a crashed process (nobody accepts on it). A live server's file, or a file with
            // content, is left alone and makes Bind fail below.
            TryDelete(path);
        }
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(endPoint);
            socket.Listen(128);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static bool IsLive(UnixDomainSocketEndPoint endPoint)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(endPoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
