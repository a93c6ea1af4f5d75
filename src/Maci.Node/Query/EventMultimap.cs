using System.Collections;
using System.Globalization;
using Maci.Node.Chain;

namespace Maci.Node.Query;

/// <summary>
/// Composite event keys (type.key) to their values, in ordinal key order (deterministic iteration).
/// This is what queries match against and what websocket events carry as "events".
/// </summary>
public sealed class EventMultimap : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    public const string EventTypeKey = "tm.event";
    public const string TxHashKey = "tx.hash";
    public const string TxHeightKey = "tx.height";

    private readonly SortedDictionary<string, List<string>> _map = new(StringComparer.Ordinal);

    public void Add(string key, string value)
    {
        if (!_map.TryGetValue(key, out var list)) _map[key] = list = [];
        list.Add(value);
    }

    /// <summary>Adds type.key → value for every attribute (or only indexed ones); empty types/keys are skipped.</summary>
    public EventMultimap AddEvents(IEnumerable<AbciEvent> events, bool indexedOnly = false)
    {
        foreach (var e in events)
        {
            if (string.IsNullOrEmpty(e.Type)) continue;
            foreach (var a in e.Attributes)
                if (!string.IsNullOrEmpty(a.Key) && (a.Index || !indexedOnly))
                    Add(e.Type + "." + a.Key, a.Value);
        }
        return this;
    }

    /// <summary>The keys a Tx event is published with: tm.event='Tx', tx.hash, tx.height and all attributes.</summary>
    public static EventMultimap ForTx(long height, ReadOnlySpan<byte> txHash, IEnumerable<AbciEvent> events)
    {
        var m = new EventMultimap().AddEvents(events);
        m.Add(EventTypeKey, "Tx");
        m.Add(TxHashKey, Convert.ToHexString(txHash));
        m.Add(TxHeightKey, height.ToString(CultureInfo.InvariantCulture));
        return m;
    }

    /// <summary>The keys a NewBlock event is published with: tm.event='NewBlock' plus the block events.</summary>
    public static EventMultimap ForNewBlock(IEnumerable<AbciEvent> finalizeBlockEvents)
    {
        var m = new EventMultimap().AddEvents(finalizeBlockEvents);
        m.Add(EventTypeKey, "NewBlock");
        return m;
    }

    public IReadOnlyList<string> this[string key] => _map[key];

    public IEnumerable<string> Keys => _map.Keys;

    public IEnumerable<IReadOnlyList<string>> Values => _map.Values;

    public int Count => _map.Count;

    public bool ContainsKey(string key) => _map.ContainsKey(key);

    public bool TryGetValue(string key, out IReadOnlyList<string> value)
    {
        var found = _map.TryGetValue(key, out var list);
        value = list ?? (IReadOnlyList<string>)[];
        return found;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _map.Select(kv => new KeyValuePair<string, IReadOnlyList<string>>(kv.Key, kv.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
