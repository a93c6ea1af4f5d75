namespace Maci.Node.Query;

/// <summary>
/// A parsed CometBFT event query (pubsub syntax, as used by tx_search and subscribe): conditions joined
/// by AND. A query matches a multimap of composite keys (type.key → values) when every condition is
/// satisfied by at least one value of its tag.
/// </summary>
public sealed class EventQuery
{
    public const int MaxLength = 512;

    private EventQuery(IReadOnlyList<QueryCondition> conditions) => Conditions = conditions;

    public IReadOnlyList<QueryCondition> Conditions { get; }

    /// <summary>Parses a query; throws <see cref="EventQueryException"/> with the offset of the problem.</summary>
    public static EventQuery Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength) throw new EventQueryException("maximum query length exceeded");
        return new EventQuery(new QueryParser(text).ParseConditions());
    }

    public bool Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var condition in Conditions)
            if (!Matches(condition, events)) return false;
        return true;
    }

    /// <summary>Whether one condition holds for the multimap (some value of its tag satisfies it).</summary>
    public static bool Matches(QueryCondition condition, IReadOnlyDictionary<string, IReadOnlyList<string>> events)
    {
        if (events.TryGetValue(condition.Tag, out var values))
            foreach (var v in values)
                if (condition.Matches(v)) return true;
        if (condition.Operator != QueryOperator.Exists) return false;
        // "transfer EXISTS" matches any attribute of event type "transfer".
        var prefix = condition.Tag + ".";
        foreach (var key in events.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    public override string ToString() => string.Join(" AND ", Conditions);
}
