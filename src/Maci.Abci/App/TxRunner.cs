using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;
using Maci.Sdk.Gas;
using Maci.Sdk.Modules;
using Maci.Sdk.Tx;

namespace Maci.Abci.App;

/// <summary>
/// Runs one transaction SDK-style: a stateless stage (decode, route, ValidateBasic, signers), then the ante
/// chain in a branch written only on success, then — when finalizing or simulating — the messages in a
/// second branch written only if all succeed. A failed message therefore keeps the fee and the sequence
/// bump; a failed ante step leaves no trace.
/// </summary>
public sealed class TxRunner
{
    private readonly AppModules _modules;
    private readonly TxDecodeOptions _decode;

    public TxRunner(AppModules modules, AppConfig config)
    {
        _modules = modules;
        _decode = new TxDecodeOptions(config.MaxTxBytes,
            url => modules.MsgRoutes.TryGetValue(url, out var r) ? r.Route.Descriptor : null);
    }

    public TxDecodeOptions DecodeOptions => _decode;

    /// <summary>The stateless stage; safe to run for many txs in parallel.</summary>
    public SdkError? Prepare(byte[] raw, out SdkTx tx)
    {
        tx = null!;
        if (TxDecoder.TryDecode(raw, _decode, out var decoded) is { } decodeErr) return decodeErr;
        var messages = new IMessage[decoded.Messages.Length];
        var routes = new MsgRoute[messages.Length];
        var signers = new List<string>();
        for (var i = 0; i < messages.Length; i++)
        {
            var (route, _) = _modules.MsgRoutes[decoded.Messages[i].TypeUrl]; // the decoder resolved every type
            try { messages[i] = route.Parse(decoded.Messages[i].Value.Span); }
            catch (InvalidProtocolBufferException e)
            {
                return SdkErrors.TxDecode.Wrap($"message {i} ({route.TypeUrl}): {e.Message}");
            }
            routes[i] = route;
            if (route.ValidateBasic(messages[i]) is { } invalid) return invalid;
            foreach (var s in route.Signers(messages[i]))
            {
                if (_modules.Codec.TryNormalize(s, out var normalized) is { } addrErr) return addrErr.Prefix($"message {i} signer");
                if (!signers.Contains(normalized)) signers.Add(normalized);
            }
        }
        if (signers.Count == 0 && messages.Length > 0) return SdkErrors.InvalidRequest.Wrap("transaction has no signers");
        var feePayer = 0;
        if (decoded.Fee.Payer.Length > 0)
        {
            if (_modules.Codec.TryNormalize(decoded.Fee.Payer, out var payer) is { } payerErr) return payerErr.Prefix("fee payer");
            feePayer = signers.IndexOf(payer);
            if (feePayer < 0)
            {
                signers.Add(payer);
                feePayer = signers.Count - 1;
            }
        }
        var raws = new byte[signers.Count][];
        for (var i = 0; i < raws.Length; i++) _modules.Codec.TryDecode(signers[i], out raws[i]);
        tx = new SdkTx
        {
            Decoded = decoded,
            Messages = messages,
            Routes = routes,
            SignerAddresses = signers.ToArray(),
            Signers = raws,
            FeePayerIndex = feePayer,
        };
        return null;
    }

    /// <summary>
    /// Runs a tx against <paramref name="ctx"/>.State (writes land there on success). The mode of
    /// <paramref name="ctx"/> decides what runs: Check/ReCheck stop after the ante chain.
    /// </summary>
    public TxOutcome Run(Context ctx, byte[] raw) =>
        Prepare(raw, out var tx) is { } err ? TxOutcome.Failed(err) : Run(ctx, tx);

    public TxOutcome Run(Context ctx, SdkTx tx)
    {
        var simulate = ctx.Mode == ExecMode.Simulate;
        var gasWanted = tx.GasLimit;
        var meter = simulate ? GasMeter.CreateInfinite() : new GasMeter(gasWanted);
        var ante = ctx.Branch() with { GasMeter = meter };
        try
        {
            if (_modules.Ante.Run(ante, tx) is { } anteErr)
                return TxOutcome.Failed(anteErr, gasWanted, meter.Consumed);
        }
        catch (SdkException e)
        {
            return TxOutcome.Failed(e.Error, gasWanted, meter.Consumed);
        }
        ante.State.Write();
        var anteEvents = ante.Events.Events;
        if (ctx.Mode is not (ExecMode.Finalize or ExecMode.Simulate))
            return new TxOutcome(null, gasWanted, meter.Consumed, anteEvents, []);

        var run = ctx.Branch() with { GasMeter = meter };
        var events = new List<Event>(anteEvents);
        var responses = new List<Any>(tx.Messages.Length);
        try
        {
            for (var i = 0; i < tx.Messages.Length; i++)
            {
                var route = tx.Routes[i];
                meter.Consume(route.BaseGas, $"msg {route.TypeUrl}");
                var msgCtx = run with { Events = new EventManager() };
                var result = route.Handle(msgCtx, tx.Messages[i]);
                if (result.Error is { } msgErr)
                    return TxOutcome.Failed(msgErr.Prefix($"failed to execute message; message index: {i}"), gasWanted, meter.Consumed, anteEvents);
                var signer = route.Signers(tx.Messages[i]);
                events.Add(Indexed(new Event(CoreEvents.TypeMessage,
                    new EventAttribute(CoreEvents.KeyAction, route.TypeUrl),
                    new EventAttribute(CoreEvents.KeySender, signer.Count > 0 ? signer[0] : ""),
                    new EventAttribute(CoreEvents.KeyModule, _modules.MsgRoutes[route.TypeUrl].Module)), i));
                foreach (var e in msgCtx.Events.Events) events.Add(Indexed(e, i));
                var response = result.Response!;
                responses.Add(new Any { TypeUrl = "/" + response.Descriptor.FullName, Value = response.ToByteString() });
            }
        }
        catch (SdkException e)
        {
            return TxOutcome.Failed(e.Error, gasWanted, meter.Consumed, anteEvents);
        }
        run.State.Write();
        return new TxOutcome(null, gasWanted, meter.Consumed, events, responses);
    }

    private static Event Indexed(Event e, int msgIndex) =>
        e with { Attributes = [.. e.Attributes, new EventAttribute(CoreEvents.KeyMsgIndex, msgIndex.ToString())] };
}
