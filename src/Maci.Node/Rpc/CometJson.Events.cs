using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

public static partial class CometJson
{
    /// <summary>A websocket event result: {query, data:{type, value}, events:{key:[values]}}.</summary>
    public static byte[] EventResult(string query, ChainEvent e) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteString("query", query);
        w.WriteStartObject("data");
        switch (e)
        {
            case TxEvent tx:
                w.WriteString("type", "tendermint/event/Tx");
                w.WriteStartObject("value");
                // abci.TxResult: every field omitempty, so the first tx of a block has no "index".
                w.WriteStartObject("TxResult");
                w.Int64String("height", tx.Tx.Height);
                if (tx.Tx.Index != 0) w.WriteNumber("index", tx.Tx.Index);
                w.WriteString("tx", Convert.ToBase64String(tx.Tx.Tx));
                WriteExecTxResult(w, "result", tx.Tx.Result);
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case NewBlockEvent nb:
                w.WriteString("type", "tendermint/event/NewBlock");
                w.WriteStartObject("value");
                WriteBlock(w, "block", nb.Block);
                WriteBlockId(w, "block_id", nb.BlockId);
                WriteFinalizeBlock(w, "result_finalize_block", nb.Results);
                w.WriteEndObject();
                break;
            default:
                throw new ArgumentException($"unknown event {e.GetType().Name}");
        }
        w.WriteEndObject();
        WriteMultimap(w, "events", e.Events);
        w.WriteEndObject();
    });

    private static void WriteFinalizeBlock(Utf8JsonWriter w, string name, BlockResults r)
    {
        w.WriteStartObject(name);
        if (r.FinalizeBlockEvents.Count > 0)
        {
            w.WriteStartArray("events");
            foreach (var e in r.FinalizeBlockEvents) WriteEvent(w, e);
            w.WriteEndArray();
        }
        if (r.TxResults.Count > 0)
        {
            w.WriteStartArray("tx_results");
            foreach (var t in r.TxResults) WriteExecTxResult(w, null, t);
            w.WriteEndArray();
        }
        if (r.ValidatorUpdates.Count > 0) WriteValidatorUpdates(w, "validator_updates", r.ValidatorUpdates);
        if (r.ConsensusParamUpdates is not null) WriteConsensusParams(w, "consensus_param_updates", r.ConsensusParamUpdates);
        w.Base64OmitEmpty("app_hash", r.AppHash);
        w.WriteEndObject();
    }

    private static void WriteMultimap(Utf8JsonWriter w, string name, EventMultimap events)
    {
        w.WriteStartObject(name);
        foreach (var (key, values) in events)
        {
            w.WriteStartArray(key);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
