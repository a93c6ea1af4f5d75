using Maci.Modules.Insurance.Types;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Rounds.Tests.Support;

/// <summary>Forwards to the real insurance hooks and records each successful call (kept only if the tx commits).</summary>
public sealed class RecordingHooks(IInsuranceHooks inner) : IInsuranceHooks
{
    public sealed record Call(string Name, ulong RoundId, ulong Count, long Time);

    private readonly List<Call> _pending = [];

    public List<Call> Calls { get; } = [];

    public void Commit() { Calls.AddRange(_pending); _pending.Clear(); }

    public void Discard() => _pending.Clear();

    private SdkError? Record(SdkError? result, Call call)
    {
        if (result is null) _pending.Add(call);
        return result;
    }

    public SdkError? DeactivateMessagesPublished(Context ctx, ulong roundId, ulong count, long time) =>
        Record(inner.DeactivateMessagesPublished(ctx, roundId, count, time), new("published", roundId, count, time));

    public SdkError? DeactivateMessagesProcessed(Context ctx, ulong roundId, ulong count, long time) =>
        Record(inner.DeactivateMessagesProcessed(ctx, roundId, count, time), new("processed", roundId, count, time));

    public SdkError? TallyFinished(Context ctx, ulong roundId, long time) =>
        Record(inner.TallyFinished(ctx, roundId, time), new("tally", roundId, 0, time));

    public SdkError? RoundEnded(Context ctx, ulong roundId, long time) =>
        Record(inner.RoundEnded(ctx, roundId, time), new("ended", roundId, 0, time));
}
