using Maci.Node.Chain;

namespace Maci.Node.Query;

/// <summary>The literal on the right of a condition: 'text', 12.5, DATE 2024-01-02 or TIME 2024-01-02T03:04:05Z.</summary>
public sealed record QueryValue(QueryValueKind Kind, string Text)
{
    public static QueryValue None { get; } = new(QueryValueKind.None, "");

    /// <summary>The instant of a DATE (midnight UTC) or TIME literal.</summary>
    public ChainTime Instant => Kind switch
    {
        QueryValueKind.Date => ChainTime.ParseRfc3339(Text + "T00:00:00Z"),
        QueryValueKind.Time => ChainTime.ParseRfc3339(Text),
        _ => throw new InvalidOperationException($"{Kind} literal has no time"),
    };

    public override string ToString() => Kind switch
    {
        QueryValueKind.String => "'" + Text + "'",
        QueryValueKind.Date => "DATE " + Text,
        QueryValueKind.Time => "TIME " + Text,
        _ => Text,
    };
}
