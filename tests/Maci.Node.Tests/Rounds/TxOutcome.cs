using System.Text.Json.Nodes;

namespace Maci.Node.Tests.Rounds;

/// <summary>
/// A delivered tx's result as a client sees it (from broadcast_tx_commit or gRPC GetTx). An event repeating an attribute
/// key is refused: a client reading attributes by key could not tell the values apart.
/// </summary>
internal sealed record TxOutcome(string Hash, long Height, uint Code, string Codespace, string Log,
    IReadOnlyList<(string Type, IReadOnlyDictionary<string, string> Attributes)> Events)
{
    public bool IsOk => Code == 0;

    /// <summary>The attribute <paramref name="key"/> of every event of <paramref name="type"/>, in order.</summary>
    public IReadOnlyList<string> Attr(string type, string key) =>
        Events.Where(e => e.Type == type && e.Attributes.ContainsKey(key)).Select(e => e.Attributes[key]).ToList();

    public static TxOutcome FromJson(string hash, long height, JsonNode result)
    {
        var events = new List<(string, IReadOnlyDictionary<string, string>)>();
        foreach (var e in result["events"]?.AsArray() ?? [])
        {
            var attrs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in e!["attributes"]?.AsArray() ?? [])
                if (!attrs.TryAdd((string)a!["key"]!, (string?)a["value"] ?? ""))
                    throw new InvalidDataException($"event {(string?)e["type"]} repeats attribute {(string?)a["key"]}");
            events.Add(((string)e["type"]!, attrs));
        }
        return new TxOutcome(hash, height, (uint?)result["code"] ?? 0, (string?)result["codespace"] ?? "", (string?)result["log"] ?? "", events);
    }

    public static TxOutcome FromGrpc(Maci.Proto.Cosmos.Base.Abci.V1Beta1.TxResponse r)
    {
        var events = r.Events.Select(e => (e.Type, (IReadOnlyDictionary<string, string>)e.Attributes
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal))).ToList();
        return new TxOutcome(r.Txhash, r.Height, r.Code, r.Codespace, r.RawLog, events);
    }
}
