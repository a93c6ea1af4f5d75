using System.Runtime.InteropServices;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Crash;

/// <summary>
/// Test-only decorator: forwards every call and SIGKILLs its own process at one <see cref="CrashPoint"/>,
/// so the production app carries no fault-injection hooks.
/// </summary>
public sealed partial class CrashingApplication(IAbciApplication inner, CrashPoint at) : ForwardingApplication(inner)
{
    private const int SigKill = 9;
    private long _finalizedHeight;

    public override async ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken ct)
    {
        var response = await Inner.FinalizeBlockAsync(request, ct);
        _finalizedHeight = request.Height;
        if (at.Stage == CrashStage.Finalize && request.Height == at.Height) KillSelf();
        return response;
    }

    public override async ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken ct)
    {
        if (at.Stage == CrashStage.CommitBefore && _finalizedHeight == at.Height) KillSelf();
        var response = await Inner.CommitAsync(request, ct);
        if (at.Stage == CrashStage.CommitAfter && _finalizedHeight == at.Height) KillSelf();
        return response;
    }

    private void KillSelf()
    {
        Console.Error.WriteLine($"crash {at}");
        Console.Error.Flush();
        // SIGKILL cannot be caught: no finalizers, no flushes, no disposal, like the process losing power.
        if (Kill(Environment.ProcessId, SigKill) != 0)
            throw new InvalidOperationException($"kill(2) failed with errno {Marshal.GetLastPInvokeError()}");
        Thread.Sleep(Timeout.Infinite);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
