using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Tests.Query;

public class EventQueryTests
{
    private static EventMultimap Events(params (string Key, string Value)[] pairs)
    {
        var m = new EventMultimap();
        foreach (var (k, v) in pairs) m.Add(k, v);
        return m;
    }

    [Fact]
    public void Parses_conditions_joined_by_and()
    {
        var q = EventQuery.Parse("tm.event = 'Tx' AND tx.height>5 AND message.sender CONTAINS 'cos' AND transfer.amount EXISTS");
        Assert.Equal(4, q.Conditions.Count);
        Assert.Equal(new QueryCondition("tm.event", QueryOperator.Equal, new QueryValue(QueryValueKind.String, "Tx")), q.Conditions[0]);
        Assert.Equal(new QueryCondition("tx.height", QueryOperator.Greater, new QueryValue(QueryValueKind.Number, "5")), q.Conditions[1]);
        Assert.Equal(QueryOperator.Contains, q.Conditions[2].Operator);
        Assert.Equal(QueryOperator.Exists, q.Conditions[3].Operator);
        Assert.Equal("tm.event = 'Tx' AND tx.height > 5 AND message.sender CONTAINS 'cos' AND transfer.amount EXISTS", q.ToString());
    }

    [Theory]
    [InlineData("a.b<=5", QueryOperator.LessOrEqual)]
    [InlineData("a.b>=5", QueryOperator.GreaterOrEqual)]
    [InlineData("a.b<5", QueryOperator.Less)]
    [InlineData("a.b > 5.25", QueryOperator.Greater)]
    public void Parses_order_operators(string text, QueryOperator op) =>
        Assert.Equal(op, EventQuery.Parse(text).Conditions[0].Operator);

    [Fact]
    public void Parses_dates_and_times()
    {
        var q = EventQuery.Parse("block.t >= TIME 2013-05-03T14:45:00Z AND block.d < DATE 2013-05-04");
        Assert.Equal(QueryValueKind.Time, q.Conditions[0].Value.Kind);
        Assert.Equal(QueryValueKind.Date, q.Conditions[1].Value.Kind);
        Assert.True(q.Matches(Events(("block.t", "2013-05-03T14:45:00Z"), ("block.d", "2013-05-03"))));
        Assert.False(q.Matches(Events(("block.t", "2013-05-03T14:44:59Z"), ("block.d", "2013-05-03"))));
    }

    [Theory]
    [InlineData("", "offset 0")]
    [InlineData("tx.height", "wanted an operator")]
    [InlineData("tx.height =", "wanted a value")]
    [InlineData("tx.height = 'abc", "unterminated string")]
    [InlineData("tx.height = 5 OR tx.height = 6", "wanted AND")]
    [InlineData("tx.height = 5 AND", "wanted a tag")]
    [InlineData("tx.height ~ 5", "wanted an operator")]
    [InlineData("a.b < 'x'", "cannot take a string")]
    [InlineData("a.b CONTAINS 5", "cannot take a number")]
    [InlineData("a.b = 5.", "decimal point")]
    [InlineData("a.b = DATE 2013-5-3", "invalid DATE")]
    [InlineData("a.b = TIME 2013-05-03", "invalid TIME")]
    [InlineData("a.b = DATE 1800-01-01", "out of range")]
    [InlineData("a.b = foo", "wanted a value")]
    [InlineData("'x' = 'y'", "wanted a tag")]
    [InlineData("a.b LIKE 'x'", "wanted an operator")]
    [InlineData("5abc = 'x'", "wanted a tag")]
    public void Malformed_queries_give_clear_errors(string text, string fragment)
    {
        var e = Assert.Throws<EventQueryException>(() => EventQuery.Parse(text));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void Too_long_query_is_rejected() =>
        Assert.Throws<EventQueryException>(() => EventQuery.Parse("a.b = '" + new string('x', 600) + "'"));

    [Fact]
    public void Each_condition_needs_one_matching_value()
    {
        var events = Events(("tm.event", "Tx"), ("transfer.recipient", "alice"), ("transfer.recipient", "bob"));
        Assert.True(EventQuery.Parse("tm.event='Tx' AND transfer.recipient='bob'").Matches(events));
        Assert.False(EventQuery.Parse("tm.event='Tx' AND transfer.recipient='carol'").Matches(events));
        Assert.False(EventQuery.Parse("tm.event='NewBlock'").Matches(events));
    }

    [Theory]
    [InlineData("a.n = 10", "10", true)]
    [InlineData("a.n = 10", "010", true)]
    [InlineData("a.n = 10", "10.0", true)]
    [InlineData("a.n = 10", "100", false)]
    [InlineData("a.n > 9", "10", true)]
    [InlineData("a.n > 9.5", "9.25", false)]
    [InlineData("a.n < 9.5", "9.25", true)]
    [InlineData("a.n <= 8", "8atom", true)]
    [InlineData("a.n >= 1000000000000000000000", "999999999999999999999", false)]
    [InlineData("a.n >= 1000000000000000000000", "1000000000000000000001", true)]
    [InlineData("a.n = 5", "abc", false)]
    public void Numbers_compare_exactly(string query, string value, bool expected) =>
        Assert.Equal(expected, EventQuery.Parse(query).Matches(Events(("a.n", value))));

    [Fact]
    public void String_equality_is_exact_and_contains_is_substring()
    {
        var events = Events(("message.sender", "cosmos1abc"));
        Assert.True(EventQuery.Parse("message.sender CONTAINS '1ab'").Matches(events));
        Assert.False(EventQuery.Parse("message.sender = 'cosmos1ab'").Matches(events));
        Assert.False(EventQuery.Parse("message.sender = 'COSMOS1ABC'").Matches(events));
    }

    [Fact]
    public void Exists_matches_key_or_event_type()
    {
        var events = Events(("transfer.amount", "5"));
        Assert.True(EventQuery.Parse("transfer.amount EXISTS").Matches(events));
        Assert.True(EventQuery.Parse("transfer EXISTS").Matches(events));
        Assert.False(EventQuery.Parse("transfer.sender EXISTS").Matches(events));
        Assert.False(EventQuery.Parse("trans EXISTS").Matches(events));
    }

    [Fact]
    public void Tx_multimap_carries_reserved_keys()
    {
        var hash = TxHash.Compute([1, 2, 3]);
        var m = EventMultimap.ForTx(12, hash, [new AbciEvent("message", new AbciEventAttribute("action", "send", false))]);
        var q = EventQuery.Parse($"tm.event='Tx' AND tx.hash='{Convert.ToHexString(hash)}' AND tx.height=12 AND message.action='send'");
        Assert.True(q.Matches(m));
        Assert.Equal(["message.action", "tm.event", "tx.hash", "tx.height"], m.Keys.ToArray());
    }

    [Fact]
    public void Indexed_only_multimap_skips_unindexed_attributes()
    {
        var m = new EventMultimap().AddEvents([new AbciEvent("e", new AbciEventAttribute("a", "1", true), new AbciEventAttribute("b", "2", false))], indexedOnly: true);
        Assert.True(m.ContainsKey("e.a"));
        Assert.False(m.ContainsKey("e.b"));
    }
}
