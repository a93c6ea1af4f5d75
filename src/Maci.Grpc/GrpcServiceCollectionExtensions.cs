using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Maci.Grpc;

public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds a gRPC server that starts and stops with the generic host. <paramref name="registry"/> builds the
    /// registry from the host's services (so handlers can use the node's singletons); resolve
    /// <see cref="GrpcHostedService"/> to learn the bound address.
    /// </summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services,
        Func<IServiceProvider, GrpcServiceRegistry> registry, GrpcServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(registry);
        services.AddSingleton(sp => new GrpcHostedService(registry(sp), options ?? new GrpcServerOptions(),
            sp.GetService<ILoggerFactory>()));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<GrpcHostedService>());
        return services;
    }
}
