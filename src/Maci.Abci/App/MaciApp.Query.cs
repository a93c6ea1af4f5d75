using Google.Protobuf;
using Maci.Proto.Cosmos.Base.Abci.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Sdk;
using Maci.Sdk.Errors;

namespace Maci.Abci.App;

public sealed partial class MaciApp
{
    public const string SimulatePath = "/cosmos.tx.v1beta1.Service/Simulate";

    /// <summary>
    /// Routes gRPC-style paths to module query handlers (and Simulate) over the last committed state.
    /// The response height is always the committed height (CosmJS rejects 0). Unknown path → code 6.
    /// </summary>
    public ValueTask<ResponseQuery> QueryAsync(RequestQuery request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var height = _store.LastCommitted.Height;
            var response = new ResponseQuery { Height = height };
            if (request.Height != 0 && request.Height != height)
                return Answer(response, request.Height > height
                    ? SdkErrors.InvalidHeight.Wrap($"cannot query with height in the future; please provide a valid height (latest is {height})")
                    : SdkErrors.InvalidRequest.Wrap($"historical queries are not supported; query height 0 or {height}"));

            if (request.Path == SimulatePath) return Answer(response, Simulate(request.Data));
            if (!Modules.QueryRoutes.TryGetValue(request.Path, out var route))
                return Answer(response, SdkErrors.UnknownRequest.Wrap($"unknown query path {request.Path}"));
            using var snap = _store.OpenSnapshot();
            var ctx = NewContext(snap.Branch(), height, ExecMode.Query, _lastBlockTimeSeconds, _lastBlockTimeNanos);
            var result = route.Handle(ctx, request.Data.Memory);
            if (result.Error is { } err) return Answer(response, err);
            response.Value = ByteString.CopyFrom(result.Value);
            return ValueTask.FromResult(response);
        }
    }

    private static ValueTask<ResponseQuery> Answer(ResponseQuery response, SdkError error)
    {
        response.Code = error.Value;
        response.Codespace = error.Codespace;
        response.Log = error.Log;
        return ValueTask.FromResult(response);
    }

    private static ValueTask<ResponseQuery> Answer(ResponseQuery response, (byte[]? Value, SdkError? Error) result) =>
        result.Error is { } err ? Answer(response, err) : ValueTask.FromResult(Ok(response, result.Value!));

    private static ResponseQuery Ok(ResponseQuery response, byte[] value)
    {
        response.Value = ByteString.CopyFrom(value);
        return response;
    }

    /// <summary>
    /// Runs a tx on a throwaway branch of the CheckTx state with an infinite gas meter, skipping signature,
    /// fee-price and gas-limit checks but executing the messages, and reports the gas used.
    /// </summary>
    private (byte[]? Value, SdkError? Error) Simulate(ByteString data)
    {
        SimulateRequest req;
        try { req = SimulateRequest.Parser.ParseFrom(data); }
        catch (InvalidProtocolBufferException e) { return (null, SdkErrors.InvalidRequest.Wrap($"rpc error: code = InvalidArgument desc = {e.Message}")); }
        byte[] raw;
        if (!req.TxBytes.IsEmpty) raw = req.TxBytes.ToByteArray();
#pragma warning disable CS0612 // the deprecated decoded form is still accepted
        else if (req.Tx is { } tx)
        {
            var txRaw = new TxRaw { BodyBytes = tx.Body?.ToByteString() ?? ByteString.Empty, AuthInfoBytes = tx.AuthInfo?.ToByteString() ?? ByteString.Empty };
            txRaw.Signatures.AddRange(tx.Signatures);
            raw = txRaw.ToByteArray();
        }
#pragma warning restore CS0612
        else return (null, SdkErrors.InvalidRequest.Wrap("rpc error: code = InvalidArgument desc = empty txBytes is not allowed"));

        var ctx = CheckContext(_checkState.Branch(), ExecMode.Simulate);
        var outcome = _runner.Run(ctx, raw);
        if (outcome.Error is { } err) return (null, err);
        var result = new Result();
        result.MsgResponses.AddRange(outcome.MsgResponses);
        foreach (var e in outcome.Events) result.Events.Add(AbciConvert.ToAbci(e));
        var response = new SimulateResponse
        {
            GasInfo = new GasInfo { GasWanted = outcome.GasWanted, GasUsed = outcome.GasUsed },
            Result = result,
        };
        return (response.ToByteArray(), null);
    }
}
