using Google.Protobuf;

namespace Maci.Grpc;

internal sealed class ServerStreamingMethod<TRequest, TResponse>(string fullName, MessageParser<TRequest> parser,
    Func<TRequest, IGrpcStreamWriter<TResponse>, GrpcCallContext, Task> handler) : GrpcMethod(fullName)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override async Task RunAsync(GrpcServerCall call, GrpcCallContext context)
    {
        var request = await call.ReadRequestAsync(parser);
        await handler(request, new StreamWriter(call, context.CancellationToken), context);
    }

    private sealed class StreamWriter(GrpcServerCall call, CancellationToken callToken) : IGrpcStreamWriter<TResponse>
    {
        public async ValueTask WriteAsync(TResponse message, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(message);
            if (!cancellationToken.CanBeCanceled)
            {
                await call.WriteMessageAsync(message, flush: true, callToken);
                return;
            }
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(callToken, cancellationToken);
            await call.WriteMessageAsync(message, flush: true, linked.Token);
        }
    }
}
