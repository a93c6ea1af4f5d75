using System.Net;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

/// <summary>Where and how the gRPC endpoint serves.</summary>
public sealed record GrpcServerOptions
{
    public const int DefaultPort = 9090;
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>The listening address for <see cref="GrpcServer"/> (default 127.0.0.1:9090; port 0 picks a free port).</summary>
    public IPEndPoint Endpoint { get; init; } = new(IPAddress.Loopback, DefaultPort);

    /// <summary>Largest request message accepted (after decompression); larger ones end with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; init; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; null means no limit. Larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int? MaxSendMessageSize { get; init; }

    /// <summary>Clock for deadlines (grpc-timeout).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Called once per routed call when its final status is known, with the full method name
    /// ("package.Service/Method"), the status (Cancelled when the client went away) and the time since the
    /// call arrived. For metrics; it must be cheap and must not throw.
    /// </summary>
    public Action<string, StatusCode, TimeSpan>? CallCompleted { get; init; }

    /// <summary>Logging of the standalone <see cref="GrpcServer"/>; by default nothing is logged.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>
    /// Parses "host:port" as used in node configuration ("127.0.0.1:9090", "[::1]:9090", "localhost:9090",
    /// "0.0.0.0:9090"; an optional "tcp://" prefix is accepted).
    /// </summary>
    public static IPEndPoint ParseEndpoint(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var text = address.Trim();
        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)) text = text["tcp://".Length..];
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
            text = "127.0.0.1" + text["localhost".Length..];
        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : "";
        var bracketed = host.StartsWith('[') && host.EndsWith(']');
        if (bracketed) host = host[1..^1];
        else if (host.Contains(':')) host = "";
        if (host.Length == 0 || !IPAddress.TryParse(host, out var ip) ||
            !int.TryParse(text.AsSpan(colon + 1), System.Globalization.NumberStyles.None, null, out var port) ||
            port > IPEndPoint.MaxPort)
            throw new FormatException($"gRPC address \"{address}\" is not of the form host:port (e.g. 127.0.0.1:9090)");
        return new IPEndPoint(ip, port);
    }
}
