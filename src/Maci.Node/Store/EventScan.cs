using Maci.Node.Query;
using Maci.Storage;

namespace Maci.Node.Store;

/// <summary>Shared candidate search over an event index table (tx or block events).</summary>
internal static class EventScan
{
    /// <summary>The condition whose index entries are scanned: exact string equality first, then ranges, EXISTS last.</summary>
    public static QueryCondition PickScanCondition(EventQuery query)
    {
        static int Rank(QueryCondition c) => c switch
        {
            { Operator: QueryOperator.Equal, Value.Kind: QueryValueKind.String } => 0,
            { Operator: QueryOperator.Exists } => 2,
            _ => 1,
        };
        return query.Conditions.OrderBy(Rank).First();
    }

    /// <summary>Entry values (tx hashes or heights) whose indexed value satisfies <paramref name="scan"/>.</summary>
    public static List<byte[]> Candidates(IKvReader store, byte table, QueryCondition scan)
    {
        var exact = scan is { Operator: QueryOperator.Equal, Value.Kind: QueryValueKind.String };
        var keyPrefix = StoreKeys.EventPrefix(scan.Tag, table: table);
        var prefix = exact ? StoreKeys.EventPrefix(scan.Tag, scan.Value.Text, table) : keyPrefix;
        var result = new List<byte[]>();
        using var it = store.Iterate(prefix, StoreKeys.PrefixEnd(prefix));
        for (; it.Valid; it.Next())
            if (exact || scan.Matches(StoreKeys.EntryValue(it.Key, keyPrefix.Length)))
                result.Add(it.Value.ToArray());
        return result;
    }
}
