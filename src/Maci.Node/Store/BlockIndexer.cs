using System.Buffers.Binary;
using System.Globalization;
using Maci.Node.Chain;
using Maci.Node.Query;
using Maci.Storage;

namespace Maci.Node.Store;

/// <summary>
/// The kv block index for block_search: block.height for every block plus each FinalizeBlock event
/// attribute flagged index=true, matched like tx_search (results by height, paged, asc/desc).
/// It also keeps the indexed-height marker: the producer indexes a height after the application committed
/// it (tx index first, this index last), so <see cref="IndexedHeight"/> is the latest height whose state is
/// committed and whose txs are searchable. Indexing a height again rewrites the same entries.
/// </summary>
public sealed class BlockIndexer(IKvStore store, BlockStore blocks)
{
    public const string BlockHeightKey = "block.height";

    private static readonly byte[] IndexedHeightKey = StoreKeys.StateKey("indexed");

    /// <summary>The latest fully indexed height (0 when nothing, or a store written before the marker existed).</summary>
    public long IndexedHeight
    {
        get
        {
            var v = store.Get(IndexedHeightKey);
            return v is null ? 0 : BinaryPrimitives.ReadInt64BigEndian(v);
        }
    }

    /// <summary>Indexes the block's events and moves the indexed-height marker to <paramref name="height"/>, in one batch.</summary>
    public void IndexBlock(long height, IReadOnlyList<AbciEvent> finalizeBlockEvents)
    {
        var heightBytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(heightBytes, height);
        using var w = new KvWriter(store);
        foreach (var (key, value) in IndexedAttributes(height, finalizeBlockEvents))
            w.Put(StoreKeys.EventEntry(key, value, height, 0, StoreKeys.BlockEventIndex), heightBytes);
        w.Put(IndexedHeightKey, heightBytes);
        w.Commit();
    }

    /// <summary>Matching heights, ascending.</summary>
    public IReadOnlyList<long> SearchAll(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scan = EventScan.PickScanCondition(query);
        IEnumerable<long> candidates = scan.Operator == QueryOperator.Exists && !scan.Tag.Contains('.')
            ? LongRange(blocks.Base, Math.Min(blocks.Height, IndexedHeight))
            : EventScan.Candidates(store, StoreKeys.BlockEventIndex, scan).Select(v => BinaryPrimitives.ReadInt64BigEndian(v));
        var found = new SortedSet<long>();
        foreach (var h in candidates)
        {
            if (found.Contains(h)) continue;
            var results = blocks.LoadResults(h);
            if (results is null) continue;
            var m = new EventMultimap();
            foreach (var (k, v) in IndexedAttributes(h, results.FinalizeBlockEvents)) m.Add(k, v);
            if (query.Matches(m)) found.Add(h);
        }
        return found.ToArray();
    }

    /// <summary>block_search: one page of heights and the exact total.</summary>
    public (IReadOnlyList<long> Heights, int TotalCount) Search(EventQuery query, int? page = null, int? perPage = null, string? orderBy = null)
    {
        var descending = orderBy switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => throw new ArgumentException("expected order_by to be either `asc` or `desc` or empty"),
        };
        var all = SearchAll(query);
        if (descending) all = all.Reverse().ToArray();
        return (Paging.Slice(all, page, perPage), all.Count);
    }

    private static IEnumerable<(string Key, string Value)> IndexedAttributes(long height, IReadOnlyList<AbciEvent> events)
    {
        yield return (BlockHeightKey, height.ToString(CultureInfo.InvariantCulture));
        foreach (var e in events)
        {
            if (string.IsNullOrEmpty(e.Type)) continue;
            foreach (var a in e.Attributes)
            {
                if (!a.Index || string.IsNullOrEmpty(a.Key)) continue;
                var composite = e.Type + "." + a.Key;
                if (composite == BlockHeightKey) continue;
                yield return (composite, a.Value);
            }
        }
    }

    private static IEnumerable<long> LongRange(long from, long to)
    {
        for (var h = Math.Max(1, from); h <= to; h++) yield return h;
    }
}
