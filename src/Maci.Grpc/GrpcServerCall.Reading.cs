using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace Maci.Grpc;

internal sealed partial class GrpcServerCall
{
    /// <summary>
    /// Reads the single request message of a unary or server-streaming call and waits for the end of the request
    /// stream. Framing errors end the call with INTERNAL, a too-large message with RESOURCE_EXHAUSTED.
    /// </summary>
    public Task<T> ReadRequestAsync<T>(MessageParser<T> parser) where T : IMessage<T>
    {
        var read = ReadSingleAsync(parser, _callToken);
        _readTask = read;
        return read;
    }

    private async Task<T> ReadSingleAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        T? message = default;
        var haveMessage = false;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            var buffer = result.Buffer;
            try
            {
                if (!haveMessage && buffer.Length >= GrpcProtocol.PrefixLength)
                {
                    var (compressed, length) = ReadPrefix(buffer);
                    if (buffer.Length - GrpcProtocol.PrefixLength >= length)
                    {
                        message = Parse(parser, compressed, buffer.Slice(GrpcProtocol.PrefixLength, length));
                        haveMessage = true;
                        buffer = buffer.Slice(GrpcProtocol.PrefixLength + length);
                    }
                }
                if (haveMessage && !buffer.IsEmpty)
                    throw new GrpcException(StatusCode.Internal,
                        "Additional data after the request message: this method takes a single request message.");
                if (result.IsCompleted)
                {
                    if (haveMessage) return message!;
                    throw new GrpcException(StatusCode.Internal, buffer.IsEmpty
                        ? "The request ended without a message."
                        : "Incomplete message: the request ended inside a length-prefixed message.");
                }
            }
            finally
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
            }
        }
    }

    private (bool Compressed, long Length) ReadPrefix(ReadOnlySequence<byte> buffer)
    {
        Span<byte> prefix = stackalloc byte[GrpcProtocol.PrefixLength];
        buffer.Slice(0, GrpcProtocol.PrefixLength).CopyTo(prefix);
        var flag = prefix[0];
        if (flag > 1)
            throw new GrpcException(StatusCode.Internal, $"Invalid compressed flag {flag} in the message prefix.");
        var length = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (length > _options.MaxReceiveMessageSize)
            throw new GrpcException(StatusCode.ResourceExhausted,
                $"Received message exceeds the maximum configured message size ({length} > {_options.MaxReceiveMessageSize} bytes).");
        if (flag == 1)
        {
            if (_requestEncoding is null)
                throw new GrpcException(StatusCode.Internal,
                    "Request message has the compressed flag set but the request declares no grpc-encoding.");
            if (_requestEncoding != GrpcProtocol.GzipEncoding)
                throw new GrpcException(StatusCode.Unimplemented,
                    $"Unsupported grpc-encoding value '{_requestEncoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}.");
        }
        return (flag == 1, length);
    }

    private T Parse<T>(MessageParser<T> parser, bool compressed, ReadOnlySequence<byte> payload) where T : IMessage<T>
    {
        try
        {
            return compressed ? parser.ParseFrom(Gunzip(payload)) : parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new GrpcException(StatusCode.Internal, $"Failed to deserialize the request message: {e.Message}");
        }
    }

    private byte[] Gunzip(ReadOnlySequence<byte> payload)
    {
        var max = _options.MaxReceiveMessageSize;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int n;
            while ((n = gzip.Read(chunk)) > 0)
            {
                if (output.Length + n > max)
                    throw new GrpcException(StatusCode.ResourceExhausted,
                        $"Received message exceeds the maximum configured message size after decompression (> {max} bytes).");
                output.Write(chunk, 0, n);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new GrpcException(StatusCode.Internal, $"Failed to decompress the gzip request message: {e.Message}");
        }
    }
}
