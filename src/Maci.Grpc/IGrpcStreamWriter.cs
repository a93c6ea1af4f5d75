namespace Maci.Grpc;

/// <summary>
/// Sends the messages of a server-streaming response. Calls must not overlap: await each write before the next.
/// A write after the call has ended (deadline, client cancellation) throws.
/// </summary>
public interface IGrpcStreamWriter<in T>
{
    ValueTask WriteAsync(T message, CancellationToken cancellationToken = default);
}
