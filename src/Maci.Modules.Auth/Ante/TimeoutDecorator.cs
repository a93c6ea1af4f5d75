using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>A tx with a timeout height (or timestamp) already passed is refused (codes 30 and 42).</summary>
public sealed class TimeoutDecorator : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var timeout = tx.Decoded.TimeoutHeight;
        if (timeout > 0 && (ulong)ctx.BlockHeight > timeout)
            return SdkErrors.TxTimeoutHeight.Wrap($"block height: {ctx.BlockHeight}, timeout height: {timeout}");
        var (s, n) = tx.Decoded.TimeoutTimestamp;
        if ((s, n) != (0, 0) && (ctx.BlockTimeSeconds, ctx.BlockTimeNanos).CompareTo((s, n)) > 0)
            return SdkErrors.TxTimeout.Wrap($"block time: {ctx.BlockTimeSeconds}s, timeout timestamp: {s}s");
        return null;
    }
}
