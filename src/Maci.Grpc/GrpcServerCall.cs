using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

/// <summary>
/// One call on one HTTP/2 stream: deadline and cancellation, then the method, then the final status.
/// Every touch of the response goes through <see cref="_writeLock"/> and stops once <see cref="_completed"/> is set,
/// so a handler that outlives its deadline can never write into a finished (or recycled) HTTP context.
/// </summary>
internal sealed partial class GrpcServerCall
{
    private readonly HttpContext _http;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly string? _requestEncoding;
    private bool _responseStarted;
    private bool _completed;
    private Task? _readTask;
    private CancellationToken _callToken;

    private GrpcServerCall(HttpContext http, GrpcServerOptions options, ILogger logger)
    {
        _http = http;
        _options = options;
        _logger = logger;
        var encoding = http.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        _requestEncoding = encoding.Length == 0 || encoding == GrpcProtocol.IdentityEncoding ? null : encoding;
    }

    public static Task RunAsync(HttpContext http, GrpcMethod method, GrpcServerOptions options, ILogger logger) =>
        new GrpcServerCall(http, options, logger).RunAsync(method);

    private async Task RunAsync(GrpcMethod method)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var status = StatusCode.Cancelled;
        try
        {
            status = await RunCallAsync(method);
        }
        finally
        {
            _options.CallCompleted?.Invoke(method.FullName, status, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Runs the call; returns its final status (Cancelled when abandoned because the client went away).</summary>
    private async Task<StatusCode> RunCallAsync(GrpcMethod method)
    {
        TimeSpan? timeout = null;
        var timeoutHeader = _http.Request.Headers[GrpcProtocol.TimeoutHeader].ToString();
        if (timeoutHeader.Length > 0)
        {
            if (!GrpcTimeout.TryParse(timeoutHeader, out var parsed))
            {
                await CompleteAsync(StatusCode.Internal, $"Invalid grpc-timeout header value '{timeoutHeader}'.", []);
                return StatusCode.Internal;
            }
            timeout = parsed;
        }

        var time = _options.TimeProvider;
        var aborted = _http.RequestAborted;
        DateTimeOffset? deadline = null;
        CancellationTokenSource? deadlineCts = null;
        if (timeout is { } t && t <= GrpcTimeout.MaxTimer)
        {
            deadline = time.GetUtcNow() + t;
            deadlineCts = new CancellationTokenSource(t, time);
        }
        var callCts = deadlineCts is null
            ? CancellationTokenSource.CreateLinkedTokenSource(aborted)
            : CancellationTokenSource.CreateLinkedTokenSource(aborted, deadlineCts.Token);
        _callToken = callCts.Token;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var registration = _callToken.Register(() => ended.TrySetResult());

        var context = new GrpcCallContext(method.FullName, deadline, _callToken, RequestHeaders(), Peer());
        var work = method.RunAsync(this, context);

        if (await Task.WhenAny(work, ended.Task) != work)
        {
            // Deadline or client cancellation while the handler still runs: finish the call now; the handler
            // sees its token cancelled and anything it writes later is refused.
            await WaitForReadToStopAsync();
            _ = ObserveLateHandlerAsync(work, method.FullName, registration, callCts, deadlineCts);
            if (aborted.IsCancellationRequested)
            {
                await AbandonAsync();
                return StatusCode.Cancelled;
            }
            await CompleteAsync(StatusCode.DeadlineExceeded, "Deadline exceeded.", context.SnapshotTrailers());
            return StatusCode.DeadlineExceeded;
        }

        try
        {
            var (status, message) = await OutcomeAsync(work, method.FullName, aborted);
            if (status is null) await AbandonAsync();
            else await CompleteAsync(status.Value, message, context.SnapshotTrailers());
            return status ?? StatusCode.Cancelled;
        }
        finally
        {
            registration.Dispose();
            callCts.Dispose();
            deadlineCts?.Dispose();
        }
    }

    private async Task<(StatusCode? Status, string Message)> OutcomeAsync(Task work, string method,
        CancellationToken aborted)
    {
        try
        {
            await work;
            return (StatusCode.OK, "");
        }
        catch (GrpcException e)
        {
            return (e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (_callToken.IsCancellationRequested)
        {
            return aborted.IsCancellationRequested ? (null, "") : (StatusCode.DeadlineExceeded, "Deadline exceeded.");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "gRPC handler of {Method} failed", method);
            return (StatusCode.Unknown, "Exception was thrown by handler.");
        }
    }

    private async Task WaitForReadToStopAsync()
    {
        // The read uses the call token, so it ends promptly once the deadline or the abort has fired.
        if (_readTask is { } read)
            await read.ContinueWith(static _ => { }, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ObserveLateHandlerAsync(Task work, string method, CancellationTokenRegistration registration,
        CancellationTokenSource callCts, CancellationTokenSource? deadlineCts)
    {
        try
        {
            await work;
        }
        catch (Exception e) when (e is OperationCanceledException or GrpcException or InvalidOperationException)
        {
            // Expected: the handler noticed the cancellation or wrote after the end.
        }
        catch (Exception e)
        {
            _logger.LogError(e, "gRPC handler of {Method} failed after its call ended", method);
        }
        finally
        {
            registration.Dispose();
            callCts.Dispose();
            deadlineCts?.Dispose();
        }
    }

    private Dictionary<string, string> RequestHeaders()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in _http.Request.Headers)
            headers[name.ToLowerInvariant()] = values.ToString();
        return headers;
    }

    private string Peer()
    {
        var ip = _http.Connection.RemoteIpAddress;
        if (ip is null) return "unknown";
        var port = _http.Connection.RemotePort;
        return ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"ipv6:[{ip}]:{port}" : $"ipv4:{ip}:{port}";
    }
}
