using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;
using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;
using Microsoft.Extensions.Logging;

namespace Maci.Abci.Server;

/// <summary>
/// One client connection. A request loop decodes frames and calls the application strictly in order; a writer loop
/// sends the responses in that same order, buffering them until a Flush response (or the buffer fills), like
/// CometBFT's Go server. A protocol error is answered with <c>Response.exception</c>, after which the connection closes.
/// </summary>
internal sealed class AbciConnection
{
    private readonly long _id;
    private readonly Socket _socket;
    private readonly AbciRequestDispatcher _dispatcher;
    private readonly AbciServerOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<Response> _responses;

    public AbciConnection(long id, Socket socket, AbciRequestDispatcher dispatcher, AbciServerOptions options, ILogger logger)
    {
        _id = id;
        _socket = socket;
        _dispatcher = dispatcher;
        _options = options;
        _logger = logger;
        _responses = Channel.CreateBounded<Response>(new BoundedChannelOptions(options.ResponseQueueCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Serves the connection until the client leaves, a protocol error occurs or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var stream = new NetworkStream(_socket, ownsSocket: true);
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
        var writing = WriteLoopAsync(writer, lifetime);
        try
        {
            await ReadLoopAsync(reader, lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            // Server stopping, or the writer gave up (its error is logged there).
        }
        catch (Exception e)
        {
            // I/O errors (connection reset) and anything unexpected end only this connection.
            AbciServerLog.ConnectionFailed(_logger, _id, e);
        }
        finally
        {
            _responses.Writer.TryComplete();
        }

        await writing.ConfigureAwait(false);
        await CloseAsync(stream, reader, writer).ConfigureAwait(false);
        AbciServerLog.ConnectionEnded(_logger, _id);
    }

    private async ValueTask CloseAsync(NetworkStream stream, PipeReader reader, PipeWriter writer)
    {
        try
        {
            await reader.CompleteAsync().ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false); // may try to write leftovers to a dead peer
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The peer is already gone; nothing more to deliver.
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadLoopAsync(PipeReader reader, CancellationToken ct)
    {
        var batch = new List<Request>();
        while (true)
        {
            var result = await reader.ReadAsync(ct).ConfigureAwait(false);
            var buffer = result.Buffer;
            // Decode every complete frame already received (requests pipelined before a Flush) before calling the
            // application, so queued CheckTx requests can be prefetched together; they are still handled in order.
            batch.Clear();
            FrameStatus status;
            ulong declared;
            string? decodeError = null;
            while ((status = AbciWire.TryReadFrame(ref buffer, _options.MaxMessageSize, out var payload, out declared)) == FrameStatus.Complete)
            {
                try
                {
                    batch.Add(Request.Parser.ParseFrom(payload));
                }
                catch (InvalidProtocolBufferException e)
                {
                    decodeError = $"error decoding request: {e.Message}";
                    break;
                }
            }
            var pending = buffer.Length;
            reader.AdvanceTo(buffer.Start, buffer.End);

            if (batch.Count > 1 && _options.PrefetchCheckTx)
            {
                await PrefetchAsync(batch, ct).ConfigureAwait(false);
            }
            foreach (var request in batch)
            {
                if (!await HandleAsync(request, ct).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (decodeError is not null)
            {
                await FailAsync(decodeError, ct).ConfigureAwait(false);
                return;
            }
            switch (status)
            {
                case FrameStatus.Incomplete:
                    if (result.IsCompleted)
                    {
                        if (pending > 0)
                        {
                            AbciServerLog.DisconnectedMidFrame(_logger, _id, pending);
                        }
                        else
                        {
                            AbciServerLog.ClosedByClient(_logger, _id);
                        }
                        return;
                    }
                    break;

                case FrameStatus.LengthOverflow:
                    await FailAsync("invalid message length prefix: varint overflows 64 bits", ct).ConfigureAwait(false);
                    return;

                default:
                    await FailAsync($"message exceeds max size ({declared} > {_options.MaxMessageSize})", ct)
                        .ConfigureAwait(false);
                    return;
            }
        }
    }

    private async ValueTask PrefetchAsync(List<Request> batch, CancellationToken ct)
    {
        try
        {
            await _dispatcher.PrefetchCheckTxAsync(batch, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // Only a hint: the CheckTx calls that follow give the real answers.
            AbciServerLog.PrefetchFailed(_logger, _id, batch.Count, e);
        }
    }

    private async ValueTask<bool> HandleAsync(Request request, CancellationToken ct)
    {
        Response response;
        try
        {
            response = await _dispatcher.DispatchAsync(request, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (AbciProtocolException e)
        {
            return await FailAsync(e.Message, ct).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            AbciServerLog.ApplicationFailed(_logger, _id, request.ValueCase.ToString(), e);
            await EnqueueAsync(Exception($"{request.ValueCase}: {e.Message}"), ct).ConfigureAwait(false);
            return false;
        }
        await EnqueueAsync(response, ct).ConfigureAwait(false);
        return true;
    }

    private async ValueTask<bool> FailAsync(string error, CancellationToken ct)
    {
        AbciServerLog.ProtocolError(_logger, _id, error);
        await EnqueueAsync(Exception(error), ct).ConfigureAwait(false);
        return false;
    }

    private ValueTask EnqueueAsync(Response response, CancellationToken ct)
        => _responses.Writer.TryWrite(response) ? ValueTask.CompletedTask : _responses.Writer.WriteAsync(response, ct);

    private static Response Exception(string error) => new() { Exception = new ResponseException { Error = error } };

    private async Task WriteLoopAsync(PipeWriter writer, CancellationTokenSource lifetime)
    {
        var ct = lifetime.Token;
        var responses = _responses.Reader;
        try
        {
            while (await responses.WaitToReadAsync(ct).ConfigureAwait(false))
            {
                while (responses.TryRead(out var response))
                {
                    AbciWire.WriteFrame(writer, response);
                    var flushNow = response.ValueCase is Response.ValueOneofCase.Flush or Response.ValueOneofCase.Exception
                        || writer.UnflushedBytes >= _options.WriteBufferSize;
                    if (flushNow && (await writer.FlushAsync(ct).ConfigureAwait(false)).IsCompleted)
                    {
                        lifetime.Cancel();
                        return;
                    }
                }
            }
            if (writer.UnflushedBytes > 0)
            {
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            AbciServerLog.ConnectionFailed(_logger, _id, e);
            lifetime.Cancel();
        }
    }
}
