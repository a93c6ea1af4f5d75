using Google.Protobuf;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Modules;

/// <summary>A gRPC-style query served through ABCI Query: full method path, request parser and handler.</summary>
public sealed record QueryRoute(string Path, Func<Context, ReadOnlyMemory<byte>, QueryResult> Handle)
{
    /// <summary>A route whose request bytes are parsed with <paramref name="parser"/>; undecodable bytes answer code 18 (InvalidArgument).</summary>
    public static QueryRoute For<TReq>(string path, MessageParser<TReq> parser, Func<Context, TReq, QueryResult> handle)
        where TReq : IMessage<TReq> =>
        new(path, (ctx, data) =>
        {
            TReq req;
            try { req = parser.ParseFrom(data.Span); }
            catch (InvalidProtocolBufferException e)
            {
                return SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = invalid request: {e.Message}");
            }
            return handle(ctx, req);
        });
}
