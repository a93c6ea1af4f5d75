using System.Buffers.Binary;
using System.Globalization;
using Maci.Node.Chain;
using Maci.Node.Query;
using Maci.Storage;

namespace Maci.Node.Store;

/// <summary>
/// The kv transaction index: every tx by hash, plus index entries for tx.hash, tx.height and each event
/// attribute flagged index=true. Search scans the entries of the most selective condition, then checks
/// every condition against the candidate's indexed attributes (as CometBFT's kv indexer does, tm.event
/// is not indexed, so a tx_search on it finds nothing).
/// </summary>
public sealed class TxIndexer(IKvStore store)
{
    public void IndexBlock(long height, IReadOnlyList<byte[]> txs, IReadOnlyList<ExecTxResult> results)
    {
        if (txs.Count != results.Count) throw new ArgumentException($"{results.Count} results for {txs.Count} txs");
        using var w = new KvWriter(store);
        for (var i = 0; i < txs.Count; i++)
        {
            var entry = new IndexedTx(TxHash.Compute(txs[i]), height, (uint)i, txs[i], results[i]);
            w.Put(StoreKeys.ByBytes(StoreKeys.TxByHash, entry.Hash), CometProto.EncodeTxResult(entry));
            foreach (var (key, value) in IndexedAttributes(entry))
                w.Put(StoreKeys.EventEntry(key, value, height, (uint)i), entry.Hash);
        }
        w.Commit();
    }

    public IndexedTx? Get(ReadOnlySpan<byte> hash)
    {
        var raw = store.Get(StoreKeys.ByBytes(StoreKeys.TxByHash, hash));
        return raw is null ? null : CometProto.DecodeTxResult(raw);
    }

    /// <summary>tx_search: all matches ordered by (height, index), ascending or descending, then paged.</summary>
    public TxSearchPage Search(EventQuery query, int? page = null, int? perPage = null, string? orderBy = null)
    {
        var descending = orderBy switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => throw new ArgumentException("expected order_by to be either `asc` or `desc` or empty"),
        };
        var all = SearchAll(query);
        if (descending) all = all.AsEnumerable().Reverse().ToArray();
        return new TxSearchPage(Paging.Slice(all, page, perPage), all.Count);
    }

    /// <summary>Every transaction matching the query, ascending by (height, index).</summary>
    public IReadOnlyList<IndexedTx> SearchAll(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byHash = query.Conditions.FirstOrDefault(c =>
            c is { Tag: EventMultimap.TxHashKey, Operator: QueryOperator.Equal, Value.Kind: QueryValueKind.String });
        if (byHash is not null)
        {
            if (!TryDecodeHex(byHash.Value.Text, out var hash)) return [];
            var tx = Get(hash);
            if (tx is null) return [];
            var attributes = IndexedMultimap(tx);
            // The hash condition itself is satisfied case-insensitively by the lookup.
            return query.Conditions.All(c => ReferenceEquals(c, byHash) || EventQuery.Matches(c, attributes)) ? [tx] : [];
        }

        var found = new SortedDictionary<(long, uint), IndexedTx>();
        foreach (var hash in Candidates(EventScan.PickScanCondition(query)))
        {
            var tx = Get(hash);
            if (tx is not null && query.Matches(IndexedMultimap(tx)))
                found[(tx.Height, tx.Index)] = tx;
        }
        return found.Values.ToArray();
    }

    private IEnumerable<byte[]> Candidates(QueryCondition scan)
    {
        if (scan.Operator == QueryOperator.Exists && !scan.Tag.Contains('.'))
        {
            // "type EXISTS" cannot be answered from one composite key: walk every indexed tx.
            using var all = store.Iterate([StoreKeys.TxByHash], StoreKeys.PrefixEnd([StoreKeys.TxByHash]));
            var hashes = new List<byte[]>();
            for (; all.Valid; all.Next()) hashes.Add(all.Key[1..].ToArray());
            return hashes;
        }
        return EventScan.Candidates(store, StoreKeys.EventIndex, scan);
    }

    private static IEnumerable<(string Key, string Value)> IndexedAttributes(IndexedTx tx)
    {
        yield return (EventMultimap.TxHashKey, Convert.ToHexString(tx.Hash));
        yield return (EventMultimap.TxHeightKey, tx.Height.ToString(CultureInfo.InvariantCulture));
        foreach (var e in tx.Result.EventList)
        {
            if (string.IsNullOrEmpty(e.Type)) continue;
            foreach (var a in e.Attributes)
            {
                if (!a.Index || string.IsNullOrEmpty(a.Key)) continue;
                var composite = e.Type + "." + a.Key;
                if (composite is EventMultimap.TxHashKey or EventMultimap.TxHeightKey) continue;
                yield return (composite, a.Value);
            }
        }
    }

    private static EventMultimap IndexedMultimap(IndexedTx tx)
    {
        var m = new EventMultimap();
        foreach (var (k, v) in IndexedAttributes(tx)) m.Add(k, v);
        return m;
    }

    private static bool TryDecodeHex(string text, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
