namespace Maci.Grpc;

/// <summary>Per-call information handed to a handler: deadline, cancellation, request metadata, response trailers.</summary>
public sealed class GrpcCallContext
{
    private readonly List<KeyValuePair<string, string>> _trailers = [];

    internal GrpcCallContext(string method, DateTimeOffset? deadline, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string> requestHeaders, string peer)
    {
        Method = method;
        Deadline = deadline;
        CancellationToken = cancellationToken;
        RequestHeaders = requestHeaders;
        Peer = peer;
    }

    /// <summary>The full method name, e.g. "cosmos.tx.v1beta1.Service/Simulate" (no leading slash).</summary>
    public string Method { get; }

    /// <summary>
    /// When the client gives up on the call (from grpc-timeout); null when the client set no deadline (or one more
    /// than 30 days away, which is treated as none).
    /// </summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Fires when the deadline passes or the client cancels the call (RST_STREAM).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The request headers by lower-case name (repeated headers joined with ","), including custom metadata.
    /// Values of "-bin" headers are still base64: use <see cref="GetBinaryHeader"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    /// <summary>The client's address, e.g. "ipv4:127.0.0.1:50123".</summary>
    public string Peer { get; }

    /// <summary>Decodes a "-bin" request header (padded or unpadded base64); null when absent.</summary>
    public byte[]? GetBinaryHeader(string name)
    {
        if (!name.EndsWith(GrpcMetadata.BinarySuffix, StringComparison.Ordinal))
            throw new ArgumentException($"binary header names end with \"{GrpcMetadata.BinarySuffix}\": {name}", nameof(name));
        return RequestHeaders.TryGetValue(name, out var value) ? GrpcMetadata.DecodeBinary(value) : null;
    }

    /// <summary>Adds a custom ASCII trailer sent with the final status (whatever the status).</summary>
    public void AddTrailer(string name, string value)
    {
        GrpcMetadata.ValidateCustomName(name, binary: false);
        GrpcMetadata.ValidateAsciiValue(name, value);
        lock (_trailers) _trailers.Add(new(name, value));
    }

    /// <summary>Adds a custom binary trailer (name ending in "-bin"); it is sent base64-encoded.</summary>
    public void AddBinaryTrailer(string name, ReadOnlySpan<byte> value)
    {
        GrpcMetadata.ValidateCustomName(name, binary: true);
        var encoded = GrpcMetadata.EncodeBinary(value);
        lock (_trailers) _trailers.Add(new(name, encoded));
    }

    internal KeyValuePair<string, string>[] SnapshotTrailers()
    {
        lock (_trailers) return [.. _trailers];
    }
}
