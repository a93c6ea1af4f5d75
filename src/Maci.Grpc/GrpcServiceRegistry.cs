using Google.Protobuf;

namespace Maci.Grpc;

/// <summary>
/// The gRPC methods a server exposes, registered explicitly by full name ("package.Service/Method") with the
/// request parser and a handler. Register everything before mapping/starting the server: the endpoint takes a
/// snapshot of the registry then.
/// </summary>
public sealed class GrpcServiceRegistry
{
    private readonly Dictionary<string, GrpcMethod> _methods = new(StringComparer.Ordinal);

    /// <summary>Registers a unary method: one request, one response.</summary>
    public GrpcServiceRegistry AddUnary<TRequest, TResponse>(string fullMethod, MessageParser<TRequest> parser,
        Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new UnaryMethod<TRequest, TResponse>(Normalize(fullMethod), parser, handler));
    }

    /// <summary>Registers a server-streaming method: one request, any number of responses.</summary>
    public GrpcServiceRegistry AddServerStreaming<TRequest, TResponse>(string fullMethod,
        MessageParser<TRequest> parser, Func<TRequest, IGrpcStreamWriter<TResponse>, GrpcCallContext, Task> handler)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(handler);
        return Add(new ServerStreamingMethod<TRequest, TResponse>(Normalize(fullMethod), parser, handler));
    }

    /// <summary>Lets a service register its own methods.</summary>
    public GrpcServiceRegistry Add(IGrpcService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        service.Register(this);
        return this;
    }

    /// <summary>The registered full method names, sorted.</summary>
    public IReadOnlyList<string> MethodNames => [.. _methods.Keys.Order(StringComparer.Ordinal)];

    internal IReadOnlyCollection<GrpcMethod> Methods => _methods.Values;

    private GrpcServiceRegistry Add(GrpcMethod method)
    {
        if (!_methods.TryAdd(method.FullName, method))
            throw new ArgumentException($"gRPC method {method.FullName} is already registered");
        return this;
    }

    private static string Normalize(string fullMethod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullMethod);
        var name = fullMethod.StartsWith('/') ? fullMethod[1..] : fullMethod;
        var slash = name.IndexOf('/');
        if (slash <= 0 || slash == name.Length - 1 || name.IndexOf('/', slash + 1) >= 0 || name.Any(char.IsWhiteSpace))
            throw new ArgumentException(
                $"gRPC method name \"{fullMethod}\" is not of the form package.Service/Method", nameof(fullMethod));
        return name;
    }
}
