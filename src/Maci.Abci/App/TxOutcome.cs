using Google.Protobuf.WellKnownTypes;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;

namespace Maci.Abci.App;

/// <summary>What running one transaction produced: error (null = success), gas, events and message responses.</summary>
public sealed record TxOutcome(SdkError? Error, ulong GasWanted, ulong GasUsed, IReadOnlyList<Event> Events, IReadOnlyList<Any> MsgResponses)
{
    public bool IsOk => Error is null;

    public uint Code => Error?.Value ?? 0;

    public string Codespace => Error?.Codespace ?? "";

    public string Log => Error?.Log ?? "";

    public static TxOutcome Failed(SdkError error, ulong gasWanted = 0, ulong gasUsed = 0, IReadOnlyList<Event>? events = null) =>
        new(error, gasWanted, gasUsed, events ?? [], []);
}
