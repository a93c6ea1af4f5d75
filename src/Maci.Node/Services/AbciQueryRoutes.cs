using Google.Protobuf;
using Maci.Grpc;
using Maci.Node.Rpc;

namespace Maci.Node.Services;

/// <summary>
/// Serves a module's Query service over gRPC by forwarding each call to the application's ABCI query router
/// (path "/package.Service/Method", the request bytes as data), like the Cosmos SDK's gRPC server does.
/// A module plugs in by registering its generated request/response types under its method names.
/// </summary>
public static class AbciQueryRoutes
{
    /// <summary>gRPC metadata key selecting the query height, as in the Cosmos SDK.</summary>
    public const string HeightHeader = "x-cosmos-block-height";

    public static GrpcServiceRegistry AddAbciQuery<TRequest, TResponse>(this GrpcServiceRegistry registry, IChainBackend backend,
        string fullMethod, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>
    {
        var path = "/" + fullMethod.TrimStart('/');
        return registry.AddUnary<TRequest, TResponse>(fullMethod, requestParser, async (request, context) =>
        {
            var answer = await backend.QueryAsync(path, request.ToByteArray(), RequestedHeight(context), false, context.CancellationToken);
            if (answer.Code != 0) throw SdkStatus.ToGrpc(answer.Code, answer.Codespace, answer.Log);
            context.AddTrailer(HeightHeader, answer.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return answer.Value is null ? responseParser.ParseFrom([]) : responseParser.ParseFrom(answer.Value);
        });
    }

    private static long RequestedHeight(GrpcCallContext context)
    {
        if (!context.RequestHeaders.TryGetValue(HeightHeader, out var text)) return 0;
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
            ? h
            : throw new GrpcException(StatusCode.InvalidArgument, $"invalid {HeightHeader} header '{text}'");
    }
}
