using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Maci.Grpc;

public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the registry's methods at POST /{service}/{method}. Unknown methods get UNIMPLEMENTED; other routes of
    /// the application keep precedence (literal segments win over this pattern). Takes a snapshot of the registry.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcServices(this IEndpointRouteBuilder endpoints,
        GrpcServiceRegistry registry, GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(registry);
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger("Maci.Grpc")
            ?? NullLogger.Instance;
        var dispatcher = new GrpcDispatcher(registry, options ?? new GrpcServerOptions(), logger);
        return endpoints.MapPost("/{service}/{method}", dispatcher.HandleAsync).WithDisplayName("gRPC");
    }
}
