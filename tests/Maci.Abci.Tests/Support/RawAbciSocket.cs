using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Maci.Abci.Server;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>A bare socket for sending arbitrary (bad) bytes and reading what the server answers until it closes.</summary>
public sealed class RawAbciSocket : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawAbciSocket(Socket socket) => _socket = socket;

    public static async Task<RawAbciSocket> ConnectAsync(EndPoint endPoint)
    {
        var socket = endPoint is UnixDomainSocketEndPoint
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        return new RawAbciSocket(socket);
    }

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    /// <summary>Closes with a TCP reset (linger 0) instead of an orderly shutdown.</summary>
    public void Abort()
    {
        if (_socket.ProtocolType == ProtocolType.Tcp)
        {
            _socket.LingerState = new LingerOption(true, 0);
        }
        _socket.Dispose();
    }

    /// <summary>Half-closes the sending side (the server sees end of stream).</summary>
    public void ShutdownSend() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Reads until the server closes the connection; throws on timeout (the server did not close).</summary>
    public async Task<byte[]> ReadToEndAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var received = new ArrayBufferWriter<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(chunk, SocketFlags.None, cts.Token);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                return received.WrittenSpan.ToArray();
            }
            if (n == 0)
            {
                return received.WrittenSpan.ToArray();
            }
            received.Write(chunk.AsSpan(0, n));
        }
    }

    /// <summary>Decodes a byte stream of response frames; throws if it ends inside a frame.</summary>
    public static List<Response> DecodeResponses(byte[] bytes)
    {
        var buffer = new ReadOnlySequence<byte>(bytes);
        var responses = new List<Response>();
        while (!buffer.IsEmpty)
        {
            var status = AbciWire.TryReadFrame(ref buffer, int.MaxValue, out var payload, out _);
            if (status != FrameStatus.Complete)
            {
                throw new InvalidDataException($"Response stream ends with a {status} frame.");
            }
            responses.Add(Response.Parser.ParseFrom(payload));
        }
        return responses;
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
