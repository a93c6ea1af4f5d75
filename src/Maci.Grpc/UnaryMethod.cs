using Google.Protobuf;

namespace Maci.Grpc;

internal sealed class UnaryMethod<TRequest, TResponse>(string fullName, MessageParser<TRequest> parser,
    Func<TRequest, GrpcCallContext, ValueTask<TResponse>> handler) : GrpcMethod(fullName)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public override async Task RunAsync(GrpcServerCall call, GrpcCallContext context)
    {
        var request = await call.ReadRequestAsync(parser);
        var response = await handler(request, context);
        if (response is null)
            throw new InvalidOperationException($"handler of {FullName} returned null");
        await call.WriteMessageAsync(response, flush: false, context.CancellationToken);
    }
}
