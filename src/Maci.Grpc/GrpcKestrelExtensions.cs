using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Maci.Grpc;

public static class GrpcKestrelExtensions
{
    /// <summary>
    /// Listens on <paramref name="endpoint"/> for cleartext HTTP/2 with prior knowledge (h2c), as gRPC clients
    /// connect to a plain "host:port" target.
    /// </summary>
    public static KestrelServerOptions ListenGrpc(this KestrelServerOptions kestrel, IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(endpoint);
        kestrel.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http2);
        return kestrel;
    }
}
