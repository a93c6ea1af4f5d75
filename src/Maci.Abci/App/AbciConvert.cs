using Google.Protobuf;
using Maci.Proto.Cosmos.Base.Abci.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using SdkEvent = Maci.Sdk.Events.Event;

namespace Maci.Abci.App;

/// <summary>Translations from the app's results to ABCI messages.</summary>
public static class AbciConvert
{
    public static Event ToAbci(SdkEvent e)
    {
        var ev = new Event { Type = e.Type };
        foreach (var a in e.Attributes) ev.Attributes.Add(new EventAttribute { Key = a.Key, Value = a.Value, Index = a.Index });
        return ev;
    }

    /// <summary>TxMsgData with one Any response per message (what CosmJS decodes as msgResponses).</summary>
    public static ByteString MsgData(TxOutcome outcome)
    {
        if (!outcome.IsOk) return ByteString.Empty;
        var data = new TxMsgData();
        data.MsgResponses.AddRange(outcome.MsgResponses);
        return data.ToByteString();
    }

    public static ExecTxResult ToExecTxResult(TxOutcome o)
    {
        var r = new ExecTxResult
        {
            Code = o.Code,
            Codespace = o.Codespace,
            Log = o.Log,
            GasWanted = (long)Math.Min(o.GasWanted, long.MaxValue),
            GasUsed = (long)Math.Min(o.GasUsed, long.MaxValue),
            Data = MsgData(o),
        };
        foreach (var e in o.Events) r.Events.Add(ToAbci(e));
        return r;
    }

    public static ResponseCheckTx ToCheckTx(TxOutcome o)
    {
        var r = new ResponseCheckTx
        {
            Code = o.Code,
            Codespace = o.Codespace,
            Log = o.Log,
            GasWanted = (long)Math.Min(o.GasWanted, long.MaxValue),
            GasUsed = (long)Math.Min(o.GasUsed, long.MaxValue),
        };
        foreach (var e in o.Events) r.Events.Add(ToAbci(e));
        return r;
    }
}
