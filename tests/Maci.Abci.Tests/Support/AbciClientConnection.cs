using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Maci.Abci.Server;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>
/// One ABCI socket connection driven the way CometBFT's socket client does it: requests are buffered, a Flush
/// request pushes them out, and each response is matched to the oldest outstanding request (FIFO), checking that its
/// type fits. A <c>Response.exception</c> fails the connection and every outstanding request.
/// </summary>
public sealed class AbciClientConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly object _lock = new();
    private readonly Queue<(Request.ValueOneofCase Kind, TaskCompletionSource<Response> Completion)> _pending = new();
    private readonly ArrayBufferWriter<byte> _unsent = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _readLoop;
    private Exception? _failure;

    private AbciClientConnection(string name, Socket socket)
    {
        Name = name;
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _readLoop = Task.Run(ReadLoopAsync);
    }

    public string Name { get; }

    /// <summary>Completes when the server closed the connection (or it failed).</summary>
    public Task Closed => _readLoop;

    /// <summary>Responses received so far.</summary>
    public int ResponsesReceived { get; private set; }

    public static async Task<AbciClientConnection> ConnectAsync(EndPoint endPoint, string name, CancellationToken ct = default)
    {
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endPoint, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        return new AbciClientConnection(name, socket);
    }

    /// <summary>Buffers a request (not sent until <see cref="FlushAsync"/>); the task completes with its response.</summary>
    public Task<Response> Enqueue(Request request)
    {
        var completion = new TaskCompletionSource<Response>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_failure is not null)
            {
                completion.SetException(_failure);
                return completion.Task;
            }
            _pending.Enqueue((request.ValueCase, completion));
            AbciWire.WriteFrame(_unsent, request);
        }
        return completion.Task;
    }

    /// <summary>Sends a Flush request after everything buffered and waits for the Flush response.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var flushed = Enqueue(new Request { Flush = new RequestFlush() });
        await SendBufferedAsync(ct);
        await flushed.WaitAsync(ct);
    }

    /// <summary>Writes the buffered requests to the socket without adding a Flush request.</summary>
    public async Task SendBufferedAsync(CancellationToken ct = default)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            byte[] bytes;
            lock (_lock)
            {
                bytes = _unsent.WrittenSpan.ToArray();
                _unsent.ResetWrittenCount();
            }
            await _stream.WriteAsync(bytes, ct);
            await _stream.FlushAsync(ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>A synchronous call: request + Flush, then the response.</summary>
    public async Task<Response> CallAsync(Request request, CancellationToken ct = default)
    {
        var response = Enqueue(request);
        await FlushAsync(ct);
        return await response.WaitAsync(ct);
    }

    private async Task ReadLoopAsync()
    {
        var reader = PipeReader.Create(_stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                while (true)
                {
                    var status = AbciWire.TryReadFrame(ref buffer, int.MaxValue, out var payload, out _);
                    if (status != FrameStatus.Complete)
                    {
                        if (status != FrameStatus.Incomplete)
                        {
                            throw new InvalidDataException($"Bad frame from the server: {status}.");
                        }
                        break;
                    }
                    Deliver(Response.Parser.ParseFrom(payload));
                }
                reader.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    Fail(new IOException($"{Name}: connection closed by the server."));
                    return;
                }
            }
        }
        catch (Exception e)
        {
            Fail(e);
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private void Deliver(Response response)
    {
        TaskCompletionSource<Response> completion;
        Request.ValueOneofCase kind;
        lock (_lock)
        {
            ResponsesReceived++;
            if (response.ValueCase == Response.ValueOneofCase.Exception)
            {
                FailLocked(new AbciServerException(response.Exception.Error));
                return;
            }
            if (!_pending.TryDequeue(out var oldest))
            {
                FailLocked(new InvalidDataException($"{Name}: unsolicited {response.ValueCase} response."));
                return;
            }
            (kind, completion) = oldest;
        }
        if (AbciResponseKinds.For(kind) != response.ValueCase)
        {
            var error = new InvalidDataException($"{Name}: expected a {AbciResponseKinds.For(kind)} response for {kind}, got {response.ValueCase}.");
            completion.SetException(error);
            Fail(error);
            return;
        }
        completion.SetResult(response);
    }

    private void Fail(Exception error)
    {
        lock (_lock)
        {
            FailLocked(error);
        }
    }

    private void FailLocked(Exception error)
    {
        _failure ??= error;
        while (_pending.TryDequeue(out var pending))
        {
            pending.Completion.TrySetException(_failure);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        await _stream.DisposeAsync();
        await _readLoop;
        _sendLock.Dispose();
    }
}
