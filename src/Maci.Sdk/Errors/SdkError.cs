namespace Maci.Sdk.Errors;

/// <summary>An expected failure: a registered code plus the human-readable log returned to the client.</summary>
public sealed record SdkError(ErrorCode Code, string Log)
{
    public string Codespace => Code.Codespace;

    public uint Value => Code.Code;

    /// <summary>Adds context in front of the log, SDK-style ("context: previous log").</summary>
    public SdkError Prefix(string context) => this with { Log = $"{context}: {Log}" };

    public override string ToString() => $"{Code.Codespace}/{Code.Code}: {Log}";
}
