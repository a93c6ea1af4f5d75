using Maci.Node.Chain;

namespace Maci.Node.Query;

/// <summary>One condition of a query: <c>tag op value</c> or <c>tag EXISTS</c>.</summary>
public sealed record QueryCondition(string Tag, QueryOperator Operator, QueryValue Value)
{
    /// <summary>Whether one attribute value satisfies this condition (EXISTS accepts any value).</summary>
    public bool Matches(string candidate)
    {
        switch (Operator)
        {
            case QueryOperator.Exists:
                return true;
            case QueryOperator.Contains:
                return candidate.Contains(Value.Text, StringComparison.Ordinal);
        }
        switch (Value.Kind)
        {
            case QueryValueKind.String:
                return Operator == QueryOperator.Equal && string.Equals(candidate, Value.Text, StringComparison.Ordinal);
            case QueryValueKind.Number:
                if (!DecimalText.TryParse(candidate, out var ci, out var cf)) return false;
                DecimalText.TryParse(Value.Text, out var vi, out var vf);
                return Holds(DecimalText.Compare(ci, cf, vi, vf));
            case QueryValueKind.Date:
            case QueryValueKind.Time:
                return TryParseInstant(candidate, Value.Kind, out var t) && Holds(t.CompareTo(Value.Instant));
            default:
                return false;
        }
    }

    private bool Holds(int comparison) => Operator switch
    {
        QueryOperator.Equal => comparison == 0,
        QueryOperator.Less => comparison < 0,
        QueryOperator.LessOrEqual => comparison <= 0,
        QueryOperator.Greater => comparison > 0,
        QueryOperator.GreaterOrEqual => comparison >= 0,
        _ => false,
    };

    private static bool TryParseInstant(string text, QueryValueKind kind, out ChainTime instant)
    {
        try
        {
            instant = ChainTime.ParseRfc3339(kind == QueryValueKind.Date && text.Length == 10 ? text + "T00:00:00Z" : text);
            return true;
        }
        catch (FormatException)
        {
            instant = default;
            return false;
        }
    }

    public override string ToString() => Operator switch
    {
        QueryOperator.Exists => Tag + " EXISTS",
        QueryOperator.Contains => $"{Tag} CONTAINS {Value}",
        QueryOperator.Equal => $"{Tag} = {Value}",
        QueryOperator.Less => $"{Tag} < {Value}",
        QueryOperator.LessOrEqual => $"{Tag} <= {Value}",
        QueryOperator.Greater => $"{Tag} > {Value}",
        _ => $"{Tag} >= {Value}",
    };
}
