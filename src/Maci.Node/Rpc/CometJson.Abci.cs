using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

public static partial class CometJson
{
    /// <summary>abci.ExecTxResult with every field omitempty (name null = array element).</summary>
    public static void WriteExecTxResult(Utf8JsonWriter w, string? name, ExecTxResult r) =>
        WriteTxResultFields(w, name, r.Code, r.Data, r.Log, r.Info, r.GasWanted, r.GasUsed, r.EventList, r.Codespace);

    /// <summary>abci.ResponseCheckTx (same omitempty fields as ExecTxResult).</summary>
    public static void WriteCheckTxResult(Utf8JsonWriter w, string? name, CheckTxResult r) =>
        WriteTxResultFields(w, name, r.Code, r.Data, r.Log, r.Info, r.GasWanted, r.GasUsed, r.Events ?? [], r.Codespace);

    public static void WriteEvent(Utf8JsonWriter w, AbciEvent e)
    {
        w.WriteStartObject();
        w.StringOmitEmpty("type", e.Type);
        if (e.Attributes.Count > 0)
        {
            w.WriteStartArray("attributes");
            foreach (var a in e.Attributes)
            {
                w.WriteStartObject();
                w.StringOmitEmpty("key", a.Key);
                w.StringOmitEmpty("value", a.Value);
                if (a.Index) w.WriteBoolean("index", true);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    /// <summary>Result of abci_info: {response:{data, version, app_version, last_block_height, last_block_app_hash}} (omitempty).</summary>
    public static byte[] AbciInfoResult(AbciInfo info) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        w.StringOmitEmpty("data", info.Data);
        w.StringOmitEmpty("version", info.Version);
        if (info.AppVersion != 0) w.UInt64String("app_version", info.AppVersion);
        w.Int64StringOmitEmpty("last_block_height", info.LastBlockHeight);
        w.Base64OmitEmpty("last_block_app_hash", info.LastBlockAppHash);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Result of abci_query: {response:{code, log, info, index, key, value, height, codespace}} (omitempty; no proofs).</summary>
    public static byte[] AbciQueryResult(AbciQueryResponse q) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("response");
        if (q.Code != 0) w.WriteNumber("code", q.Code);
        w.StringOmitEmpty("log", q.Log);
        w.StringOmitEmpty("info", q.Info);
        w.Int64StringOmitEmpty("index", q.Index);
        w.Base64OmitEmpty("key", q.Key);
        w.Base64OmitEmpty("value", q.Value);
        w.Int64StringOmitEmpty("height", q.Height);
        w.StringOmitEmpty("codespace", q.Codespace);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Result of broadcast_tx_sync/async: {code, data (hex), log, codespace, hash} with no omitempty.</summary>
    public static byte[] BroadcastTxResult(CheckTxResult? check, ReadOnlySpan<byte> hash)
    {
        var hashHex = Convert.ToHexString(hash);
        return Render(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("code", check?.Code ?? 0);
            w.WriteString("data", Convert.ToHexString(check?.Data ?? []));
            w.WriteString("log", check?.Log ?? "");
            w.WriteString("codespace", check?.Codespace ?? "");
            w.WriteString("hash", hashHex);
            w.WriteEndObject();
        });
    }

    /// <summary>Result of broadcast_tx_commit: {check_tx, tx_result, hash, height}.</summary>
    public static byte[] BroadcastTxCommitResult(CheckTxResult check, ExecTxResult? txResult, ReadOnlySpan<byte> hash, long height)
    {
        var hashHex = Convert.ToHexString(hash);
        return Render(w =>
        {
            w.WriteStartObject();
            WriteCheckTxResult(w, "check_tx", check);
            WriteExecTxResult(w, "tx_result", txResult ?? new ExecTxResult());
            w.WriteString("hash", hashHex);
            w.Int64String("height", height);
            w.WriteEndObject();
        });
    }

    /// <summary>One ResultTx: {hash, height, index, tx_result, tx} (proof omitted).</summary>
    public static void WriteTx(Utf8JsonWriter w, IndexedTx t)
    {
        w.WriteStartObject();
        w.Hex("hash", t.Hash);
        w.Int64String("height", t.Height);
        w.WriteNumber("index", t.Index);
        WriteExecTxResult(w, "tx_result", t.Result);
        w.WriteString("tx", Convert.ToBase64String(t.Tx));
        w.WriteEndObject();
    }

    public static byte[] TxResult(IndexedTx t) => Render(w => WriteTx(w, t));

    /// <summary>Result of tx_search: {txs:[...], total_count}.</summary>
    public static byte[] TxSearchResult(TxSearchPage page) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("txs");
        foreach (var t in page.Txs) WriteTx(w, t);
        w.WriteEndArray();
        w.Int64String("total_count", page.TotalCount);
        w.WriteEndObject();
    });

    private static void WriteTxResultFields(Utf8JsonWriter w, string? name, uint code, byte[]? data, string log, string info,
        long gasWanted, long gasUsed, IReadOnlyList<AbciEvent> events, string codespace)
    {
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        if (code != 0) w.WriteNumber("code", code);
        w.Base64OmitEmpty("data", data);
        w.StringOmitEmpty("log", log);
        w.StringOmitEmpty("info", info);
        w.Int64StringOmitEmpty("gas_wanted", gasWanted);
        w.Int64StringOmitEmpty("gas_used", gasUsed);
        if (events.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in events) WriteEvent(w, e);
            w.WriteEndArray();
        }
        w.StringOmitEmpty("codespace", codespace);
        w.WriteEndObject();
    }

    private static void WriteEventsOrNull(Utf8JsonWriter w, string name, IReadOnlyList<AbciEvent> events)
    {
        if (events.Count == 0)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        foreach (var e in events) WriteEvent(w, e);
        w.WriteEndArray();
    }
}
