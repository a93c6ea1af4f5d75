using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Support;

/// <summary>Info blocks until its cancellation token fires.</summary>
public sealed class BlockingInfoApplication : StubApplication
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool SawCancellation { get; private set; }

    public override async ValueTask<ResponseInfo> InfoAsync(RequestInfo request, CancellationToken ct)
    {
        Entered.TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            SawCancellation = true;
            throw;
        }
        return new ResponseInfo();
    }
}
