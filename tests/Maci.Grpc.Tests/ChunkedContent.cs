using System.Net;

namespace Maci.Grpc.Tests;

/// <summary>Request content sent in small pieces, each flushed on its own (so each goes out as its own DATA frame).</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] _data;
    private readonly int _chunk;

    public ChunkedContent(byte[] data, int chunk)
    {
        _data = data;
        _chunk = chunk;
        Headers.TryAddWithoutValidation("Content-Type", "application/grpc");
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < _data.Length; offset += _chunk)
        {
            await stream.WriteAsync(_data.AsMemory(offset, Math.Min(_chunk, _data.Length - offset)));
            await stream.FlushAsync();
            await Task.Delay(2);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
