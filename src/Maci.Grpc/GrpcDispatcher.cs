using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

/// <summary>Routes a POST /package.Service/Method request to its registered method, or answers it with an error.</summary>
internal sealed class GrpcDispatcher
{
    private readonly FrozenDictionary<string, GrpcMethod> _methods;
    private readonly FrozenSet<string> _services;
    private readonly GrpcServerOptions _options;
    private readonly ILogger _logger;

    public GrpcDispatcher(GrpcServiceRegistry registry, GrpcServerOptions options, ILogger logger)
    {
        if (options.MaxReceiveMessageSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "MaxReceiveMessageSize must be positive");
        _methods = registry.Methods.ToFrozenDictionary(m => m.FullName, StringComparer.Ordinal);
        _services = registry.Methods.Select(m => m.ServiceName).ToFrozenSet(StringComparer.Ordinal);
        _options = options;
        _logger = logger;
    }

    public Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var name = path.StartsWith('/') ? path[1..] : path;
        var isGrpc = GrpcProtocol.IsGrpcContentType(http.Request.Headers.ContentType);
        if (!_methods.TryGetValue(name, out var method))
        {
            if (!isGrpc)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            var service = name.Contains('/') ? name[..name.IndexOf('/')] : name;
            return ImmediateStatusAsync(http, StatusCodes.Status200OK, StatusCode.Unimplemented, _services.Contains(service)
                ? $"Method is unimplemented: {name}."
                : $"Service is unimplemented: {service}.");
        }
        if (!HttpProtocol.IsHttp2(http.Request.Protocol))
            return ImmediateStatusAsync(http, StatusCodes.Status426UpgradeRequired, StatusCode.Internal,
                $"gRPC requires HTTP/2; the request used {http.Request.Protocol}.");
        if (!isGrpc)
            return ImmediateStatusAsync(http, StatusCodes.Status415UnsupportedMediaType, StatusCode.Internal,
                $"Content-Type '{http.Request.ContentType}' is not supported: use application/grpc or application/grpc+proto.");

        // Message size is enforced per message by the framing code, not on the whole body.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = null;
        return GrpcServerCall.RunAsync(http, method, _options, _logger);
    }

    /// <summary>A Trailers-Only answer: the status travels in the single HEADERS frame, which ends the stream.</summary>
    private static Task ImmediateStatusAsync(HttpContext http, int httpStatus, StatusCode status, string message)
    {
        var response = http.Response;
        response.StatusCode = httpStatus;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[GrpcProtocol.MessageHeader] = GrpcStatusMessage.Encode(message);
        return response.CompleteAsync();
    }
}
