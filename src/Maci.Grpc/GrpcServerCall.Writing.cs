using System.Buffers.Binary;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

internal sealed partial class GrpcServerCall
{
    /// <summary>Sends one length-prefixed response message (uncompressed), starting the response if needed.</summary>
    public async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        var size = message.CalculateSize();
        if (_options.MaxSendMessageSize is { } max && size > max)
            throw new GrpcException(StatusCode.ResourceExhausted,
                $"Sending message exceeds the maximum configured message size ({size} > {max} bytes).");
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_completed)
                throw new InvalidOperationException("the gRPC call has already ended; no more messages can be sent");
            StartResponse();
            var writer = _http.Response.BodyWriter;
            var prefix = writer.GetSpan(GrpcProtocol.PrefixLength);
            prefix[0] = 0;
            BinaryPrimitives.WriteUInt32BigEndian(prefix[1..], (uint)size);
            writer.Advance(GrpcProtocol.PrefixLength);
            message.WriteTo(writer);
            if (flush)
            {
                var result = await writer.FlushAsync(cancellationToken);
                if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void StartResponse()
    {
        if (_responseStarted) return;
        _responseStarted = true;
        var response = _http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
    }

    /// <summary>
    /// Ends the call with a status: in trailers after the response headers and messages, or as a Trailers-Only
    /// response (status in the only HEADERS frame) when nothing was sent yet.
    /// </summary>
    private async Task CompleteAsync(StatusCode status, string message, KeyValuePair<string, string>[] trailers)
    {
        await _writeLock.WaitAsync();
        try
        {
            if (_completed) return;
            _completed = true;
            var response = _http.Response;
            Action<string, string> add;
            if (_responseStarted)
            {
                add = (name, value) => response.AppendTrailer(name, value);
            }
            else
            {
                StartResponse();
                add = (name, value) => response.Headers.Append(name, value);
            }
            add(GrpcProtocol.StatusHeader, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (message.Length > 0) add(GrpcProtocol.MessageHeader, GrpcStatusMessage.Encode(message));
            foreach (var (name, value) in trailers) add(name, value);
            await response.CompleteAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            _logger.LogDebug(e, "gRPC call ended before its status {Status} could be sent", status);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>The client is gone (RST_STREAM): nothing can be sent; just refuse further writes.</summary>
    private async Task AbandonAsync()
    {
        await _writeLock.WaitAsync();
        _completed = true;
        _writeLock.Release();
    }
}
