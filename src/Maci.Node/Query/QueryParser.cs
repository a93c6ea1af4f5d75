using System.Globalization;

namespace Maci.Node.Query;

/// <summary>Scanner and recursive-descent parser for the event query grammar.</summary>
internal sealed class QueryParser(string text)
{
    private int _pos;

    public List<QueryCondition> ParseConditions()
    {
        var conditions = new List<QueryCondition> { ParseCondition() };
        while (true)
        {
            SkipSpace();
            if (_pos == text.Length) return conditions;
            var at = _pos;
            var word = ReadWord();
            if (word != "AND") throw Error(at, $"got '{Describe(word, at)}', wanted AND or end of query");
            conditions.Add(ParseCondition());
        }
    }

    private QueryCondition ParseCondition()
    {
        SkipSpace();
        var at = _pos;
        if (_pos == text.Length) throw Error(at, "got end of query, wanted a tag");
        if (!IsFirstTagChar(text[_pos])) throw Error(at, $"got '{text[_pos]}', wanted a tag");
        var tag = ReadWord();
        if (tag is "AND" or "EXISTS" or "CONTAINS") throw Error(at, $"got keyword {tag}, wanted a tag");

        SkipSpace();
        at = _pos;
        if (_pos == text.Length) throw Error(at, $"got end of query, wanted an operator after '{tag}'");
        var op = ReadOperator(at);
        if (op == QueryOperator.Exists) return new QueryCondition(tag, op, QueryValue.None);

        SkipSpace();
        at = _pos;
        var value = ReadValue(at);
        var allowed = op switch
        {
            QueryOperator.Contains => value.Kind == QueryValueKind.String,
            QueryOperator.Equal => true,
            _ => value.Kind != QueryValueKind.String,
        };
        if (!allowed) throw Error(at, $"operator {op} cannot take a {value.Kind.ToString().ToLowerInvariant()} value");
        return new QueryCondition(tag, op, value);
    }

    private QueryOperator ReadOperator(int at)
    {
        var c = text[_pos];
        if (c == '=') { _pos++; return QueryOperator.Equal; }
        if (c is '<' or '>')
        {
            _pos++;
            var orEqual = _pos < text.Length && text[_pos] == '=';
            if (orEqual) _pos++;
            return (c, orEqual) switch
            {
                ('<', false) => QueryOperator.Less,
                ('<', true) => QueryOperator.LessOrEqual,
                ('>', false) => QueryOperator.Greater,
                _ => QueryOperator.GreaterOrEqual,
            };
        }
        if (IsFirstTagChar(c))
        {
            var word = ReadWord();
            if (word == "CONTAINS") return QueryOperator.Contains;
            if (word == "EXISTS") return QueryOperator.Exists;
            throw Error(at, $"got '{word}', wanted an operator (=, <, <=, >, >=, CONTAINS, EXISTS)");
        }
        throw Error(at, $"got '{c}', wanted an operator (=, <, <=, >, >=, CONTAINS, EXISTS)");
    }

    private QueryValue ReadValue(int at)
    {
        if (_pos == text.Length) throw Error(at, "got end of query, wanted a value");
        var c = text[_pos];
        if (c == '\'')
        {
            var close = text.IndexOf('\'', _pos + 1);
            if (close < 0) throw Error(at, "unterminated string literal");
            var s = text[(_pos + 1)..close];
            _pos = close + 1;
            return new QueryValue(QueryValueKind.String, s);
        }
        if (char.IsAsciiDigit(c)) return new QueryValue(QueryValueKind.Number, ReadNumber(at));
        if (IsFirstTagChar(c))
        {
            var word = ReadWord();
            if (word is "DATE" or "TIME" && _pos < text.Length && text[_pos] == ' ')
            {
                _pos++;
                var start = _pos;
                while (_pos < text.Length && (char.IsAsciiDigit(text[_pos]) || (word == "TIME" ? "-T:+Z" : "-").Contains(text[_pos])))
                    _pos++;
                var stamp = text[start.._pos];
                return word == "DATE" ? new QueryValue(QueryValueKind.Date, CheckDate(stamp, start))
                    : new QueryValue(QueryValueKind.Time, CheckTime(stamp, start));
            }
            throw Error(at, $"got '{word}', wanted a value ('string', number, DATE or TIME)");
        }
        throw Error(at, $"got '{c}', wanted a value ('string', number, DATE or TIME)");
    }

    private string ReadNumber(int at)
    {
        var start = _pos;
        while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
        if (_pos < text.Length && text[_pos] == '.')
        {
            _pos++;
            var fracStart = _pos;
            while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
            if (_pos == fracStart) throw Error(at, "number has no digits after the decimal point");
        }
        return text[start.._pos];
    }

    private string CheckDate(string stamp, int at)
    {
        if (stamp.Length != 10 || !DateTime.TryParseExact(stamp, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var d))
            throw Error(at, $"invalid DATE value '{stamp}' (want YYYY-MM-DD)");
        if (d.Year is < 1900 or > 2999) throw Error(at, $"datestamp year {d.Year} out of range");
        return stamp;
    }

    private string CheckTime(string stamp, int at)
    {
        var ok = stamp.Length >= 20 && stamp[10] == 'T' && !stamp.Contains('.');
        Chain.ChainTime t = default;
        if (ok)
        {
            try { t = Chain.ChainTime.ParseRfc3339(stamp); }
            catch (FormatException) { ok = false; }
        }
        if (!ok) throw Error(at, $"invalid TIME value '{stamp}' (want RFC 3339, e.g. 2021-11-23T22:04:19Z)");
        var year = t.ToDateTimeOffset().Year;
        if (year is < 1900 or > 2999) throw Error(at, $"timestamp year {year} out of range");
        return stamp;
    }

    private string ReadWord()
    {
        var start = _pos;
        while (_pos < text.Length && IsTagChar(text[_pos])) _pos++;
        return text[start.._pos];
    }

    private void SkipSpace()
    {
        while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
    }

    private string Describe(string word, int at) => word.Length > 0 ? word : text[at].ToString();

    // Digits start numbers, so a tag starts with a letter or '_' (as in CometBFT's scanner).
    private static bool IsFirstTagChar(char c) => c == '_' || char.IsLetter(c);

    private static bool IsTagChar(char c) => c is '.' or '_' or '-' || char.IsLetterOrDigit(c);

    private static EventQueryException Error(int offset, string message) => new($"offset {offset}: {message}");
}
