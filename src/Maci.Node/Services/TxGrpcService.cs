using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Grpc;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Rpc;
using Maci.Proto.Cosmos.Base.Abci.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;

namespace Maci.Node.Services;

/// <summary>cosmos.tx.v1beta1.Service: BroadcastTx (sync/async through the mempool), Simulate (the app's simulate query) and GetTx (tx index).</summary>
public sealed class TxGrpcService(IChainBackend backend) : IGrpcService
{
    public const string Service = "cosmos.tx.v1beta1.Service";

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddUnary<BroadcastTxRequest, BroadcastTxResponse>($"{Service}/BroadcastTx", BroadcastTxRequest.Parser, BroadcastAsync);
        registry.AddAbciQuery(backend, $"{Service}/Simulate", SimulateRequest.Parser, SimulateResponse.Parser);
        registry.AddUnary<GetTxRequest, GetTxResponse>($"{Service}/GetTx", GetTxRequest.Parser, (r, _) => ValueTask.FromResult(GetTx(r)));
    }

    private async ValueTask<BroadcastTxResponse> BroadcastAsync(BroadcastTxRequest request, GrpcCallContext context)
    {
        if (request.TxBytes.IsEmpty) throw new GrpcException(StatusCode.InvalidArgument, "invalid empty tx");
        if (request.Mode is not (BroadcastMode.Sync or BroadcastMode.Async))
            throw new GrpcException(StatusCode.InvalidArgument, $"unsupported broadcast mode {request.Mode}; use BROADCAST_MODE_SYNC or BROADCAST_MODE_ASYNC");
        var tx = request.TxBytes.ToByteArray();
        var hash = Convert.ToHexString(TxHash.Compute(tx));
        CheckTxResult result;
        try
        {
            result = await backend.Mempool.CheckTxAsync(tx, context.CancellationToken);
        }
        catch (MempoolException e)
        {
            // The SDK answers a mempool refusal inside the TxResponse (19 = tx already in mempool, 20 = mempool full).
            var code = e.Kind switch { MempoolErrorKind.TxInCache => 19u, MempoolErrorKind.MempoolFull => 20u, _ => 21u };
            return new BroadcastTxResponse { TxResponse = new TxResponse { Txhash = hash, Code = code, Codespace = "sdk", RawLog = e.Message } };
        }
        var response = new TxResponse
        {
            Txhash = hash,
            Code = result.Code,
            Codespace = result.Codespace,
            RawLog = result.Log,
            Info = result.Info,
            GasWanted = result.GasWanted,
            GasUsed = result.GasUsed,
        };
        return new BroadcastTxResponse { TxResponse = response };
    }

    private GetTxResponse GetTx(GetTxRequest request)
    {
        byte[] hash;
        try
        {
            hash = Convert.FromHexString(request.Hash);
        }
        catch (FormatException)
        {
            throw new GrpcException(StatusCode.InvalidArgument, $"tx hash '{request.Hash}' is not hex");
        }
        if (hash.Length != 32) throw new GrpcException(StatusCode.InvalidArgument, "tx hash must be 32 bytes");
        var indexed = backend.TxIndex.Get(hash) ?? throw new GrpcException(StatusCode.NotFound, $"tx not found: {request.Hash}");
        var block = backend.Blocks.LoadBlock(indexed.Height);
        var decoded = DecodeTx(indexed.Tx);
        var r = indexed.Result;
        var txResponse = new TxResponse
        {
            Height = indexed.Height,
            Txhash = Convert.ToHexString(indexed.Hash),
            Code = r.Code,
            Codespace = r.Codespace,
            Data = r.Data is null ? "" : Convert.ToHexString(r.Data),
            RawLog = r.Log,
            Info = r.Info,
            GasWanted = r.GasWanted,
            GasUsed = r.GasUsed,
            Timestamp = block?.Header.Time.ToRfc3339() ?? "",
        };
        if (decoded is not null) txResponse.Tx = Any.Pack(decoded, "");
        foreach (var e in r.EventList)
        {
            var ev = new Maci.Proto.Tendermint.Abci.Event { Type = e.Type };
            foreach (var a in e.Attributes) ev.Attributes.Add(new Maci.Proto.Tendermint.Abci.EventAttribute { Key = a.Key, Value = a.Value, Index = a.Index });
            txResponse.Events.Add(ev);
        }
        return new GetTxResponse { Tx = decoded, TxResponse = txResponse };
    }

    private static Tx? DecodeTx(byte[] bytes)
    {
        try
        {
            var raw = TxRaw.Parser.ParseFrom(bytes);
            var tx = new Tx { Body = TxBody.Parser.ParseFrom(raw.BodyBytes), AuthInfo = AuthInfo.Parser.ParseFrom(raw.AuthInfoBytes) };
            tx.Signatures.AddRange(raw.Signatures);
            return tx;
        }
        catch (InvalidProtocolBufferException)
        {
            return null; // an undecodable tx still has its result; the SDK would fail the same way
        }
    }
}
