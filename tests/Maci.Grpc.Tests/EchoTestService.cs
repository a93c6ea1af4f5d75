using System.Collections.Concurrent;
using Google.Protobuf;
using Maci.Grpc.Tests.Protos;

namespace Maci.Grpc.Tests;

/// <summary>The test service behind maci.grpc.test.EchoService; records which tagged calls saw cancellation.</summary>
public sealed class EchoTestService : IGrpcService
{
    public const string Service = "maci.grpc.test.EchoService";

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _cancelled = new();

    /// <summary>Completes when the handler of the call tagged <paramref name="tag"/> observed its cancellation.</summary>
    public Task CancellationObserved(string tag) => Signal(tag).Task;

    public void Register(GrpcServiceRegistry registry) => registry
        .AddUnary<EchoRequest, EchoReply>($"{Service}/Echo", EchoRequest.Parser, EchoAsync)
        .AddUnary<SlowRequest, EchoReply>($"{Service}/Slow", SlowRequest.Parser, SlowAsync)
        .AddUnary<FailRequest, EchoReply>($"{Service}/Fail", FailRequest.Parser, FailAsync)
        .AddServerStreaming<CountRequest, CountReply>($"{Service}/Count", CountRequest.Parser, CountAsync);

    private static ValueTask<EchoReply> EchoAsync(EchoRequest request, GrpcCallContext context) =>
        ValueTask.FromResult(new EchoReply
        {
            Text = request.Text,
            Payload = request.Payload,
            HasDeadline = context.Deadline is not null,
            MetadataValue = context.RequestHeaders.GetValueOrDefault("x-test", ""),
            BinaryMetadataValue = ByteString.CopyFrom(context.GetBinaryHeader("x-data-bin") ?? []),
            RequestEncoding = context.RequestHeaders.GetValueOrDefault("grpc-encoding", ""),
        });

    private async ValueTask<EchoReply> SlowAsync(SlowRequest request, GrpcCallContext context)
    {
        using var _ = Watch(request.Tag, context.CancellationToken);
        await Task.Delay(request.DelayMs, request.IgnoreCancellation ? CancellationToken.None : context.CancellationToken);
        return new EchoReply { Text = "slow done" };
    }

    private static ValueTask<EchoReply> FailAsync(FailRequest request, GrpcCallContext context)
    {
        context.AddTrailer("x-failure-detail", "from-fail-handler");
        context.AddBinaryTrailer("x-failure-bin", [1, 2, 3, 250]);
        throw new GrpcException((StatusCode)request.Code, request.Message);
    }

    private async Task CountAsync(CountRequest request, IGrpcStreamWriter<CountReply> writer, GrpcCallContext context)
    {
        using var _ = Watch(request.Tag, context.CancellationToken);
        for (var i = 0; i < request.Count; i++)
        {
            if (request.FailAfter > 0 && i == request.FailAfter)
                throw new GrpcException(StatusCode.FailedPrecondition, $"stopped after {i} replies");
            await writer.WriteAsync(new CountReply { Index = i });
            if (request.DelayMs > 0) await Task.Delay(request.DelayMs, context.CancellationToken);
        }
    }

    private CancellationTokenRegistration Watch(string tag, CancellationToken token) =>
        tag.Length == 0 ? default : token.Register(() => Signal(tag).TrySetResult());

    private TaskCompletionSource Signal(string tag) =>
        _cancelled.GetOrAdd(tag, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
