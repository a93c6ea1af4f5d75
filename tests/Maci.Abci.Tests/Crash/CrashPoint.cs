namespace Maci.Abci.Tests.Crash;

/// <summary>Where the test host kills itself: <c>finalize:H</c>, <c>commit-before:H</c> or <c>commit-after:H</c>.</summary>
public sealed record CrashPoint(CrashStage Stage, long Height)
{
    public static CrashPoint Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], out var height) || height < 1)
            throw new FormatException($"crash point '{text}' is not <stage>:<height>");
        var stage = parts[0] switch
        {
            "finalize" => CrashStage.Finalize,
            "commit-before" => CrashStage.CommitBefore,
            "commit-after" => CrashStage.CommitAfter,
            _ => throw new FormatException($"unknown crash stage '{parts[0]}' (finalize, commit-before, commit-after)"),
        };
        return new CrashPoint(stage, height);
    }

    public override string ToString() => Stage switch
    {
        CrashStage.Finalize => $"finalize:{Height}",
        CrashStage.CommitBefore => $"commit-before:{Height}",
        _ => $"commit-after:{Height}",
    };
}
