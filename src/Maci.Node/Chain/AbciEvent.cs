namespace Maci.Node.Chain;

/// <summary>An ABCI event: a type and its attributes (composite query key = type.key).</summary>
public sealed record AbciEvent(string Type, IReadOnlyList<AbciEventAttribute> Attributes)
{
    public AbciEvent(string type, params AbciEventAttribute[] attributes)
        : this(type, (IReadOnlyList<AbciEventAttribute>)attributes)
    {
    }
}
