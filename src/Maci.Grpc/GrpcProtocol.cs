using Microsoft.Extensions.Primitives;

namespace Maci.Grpc;

/// <summary>Header names and values of the gRPC over HTTP/2 protocol.</summary>
internal static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";
    public const string SupportedEncodings = "identity,gzip";
    public const int PrefixLength = 5;

    /// <summary>True for "application/grpc" and "application/grpc+proto" (parameters ignored).</summary>
    public static bool IsGrpcContentType(StringValues contentType)
    {
        if (contentType.Count != 1) return false;
        var value = contentType[0].AsSpan();
        var semicolon = value.IndexOf(';');
        if (semicolon >= 0) value = value[..semicolon];
        value = value.Trim();
        return value.Equals(ContentType, StringComparison.OrdinalIgnoreCase)
            || value.Equals(ContentType + "+proto", StringComparison.OrdinalIgnoreCase);
    }
}
