using Google.Protobuf;
using Maci.Grpc;
using Maci.Node.Chain;
using Maci.Node.Hosting;
using Maci.Node.Query;
using Maci.Node.Rpc;
using Maci.Proto.Maci.Node.V1;
using TxEvent = Maci.Proto.Maci.Node.V1.TxEvent;
using AbciProto = Maci.Proto.Tendermint.Abci;

namespace Maci.Node.Services;

/// <summary>maci.node.v1.Node: server streams of new blocks and committed txs (over the event bus), and status.</summary>
public sealed class NodeStreamService(IChainBackend backend) : IGrpcService
{
    public const string Service = "maci.node.v1.Node";

    public void Register(GrpcServiceRegistry registry)
    {
        registry.AddServerStreaming<SubscribeBlocksRequest, BlockEvent>($"{Service}/SubscribeBlocks", SubscribeBlocksRequest.Parser,
            (_, stream, context) => PumpAsync("tm.event='NewBlock'", stream, context, e => ToBlockEvent((NewBlockEvent)e)));
        registry.AddServerStreaming<SubscribeTxsRequest, TxEvent>($"{Service}/SubscribeTxs", SubscribeTxsRequest.Parser,
            (request, stream, context) =>
            {
                var query = string.IsNullOrWhiteSpace(request.Query) ? "tm.event='Tx'" : $"tm.event='Tx' AND {request.Query}";
                return PumpAsync(query, stream, context, e => ToTxEvent((Rpc.TxEvent)e));
            });
        registry.AddUnary<GetStatusRequest, GetStatusResponse>($"{Service}/GetStatus", GetStatusRequest.Parser, (_, _) =>
        {
            var status = backend.GetStatus();
            return ValueTask.FromResult(new GetStatusResponse
            {
                ChainId = status.NodeInfo.Network,
                LatestHeight = status.SyncInfo.LatestBlockHeight,
                LatestBlockHash = ByteString.CopyFrom(status.SyncInfo.LatestBlockHash),
                LatestAppHash = ByteString.CopyFrom(status.SyncInfo.LatestAppHash),
                Moniker = status.NodeInfo.Moniker,
                NodeId = status.NodeInfo.Id,
            });
        });
    }

    private async Task PumpAsync<T>(string query, IGrpcStreamWriter<T> stream, GrpcCallContext context, Func<ChainEvent, T> map)
    {
        EventSubscription subscription;
        try
        {
            subscription = backend.Events.Subscribe("grpc-" + Guid.NewGuid().ToString("N"), query);
        }
        catch (EventQueryException e)
        {
            throw new GrpcException(StatusCode.InvalidArgument, $"invalid query: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            throw new GrpcException(StatusCode.ResourceExhausted, e.Message);
        }
        using (subscription)
        {
            try
            {
                await foreach (var e in subscription.Reader.ReadAllAsync(context.CancellationToken))
                    await stream.WriteAsync(map(e), context.CancellationToken);
            }
            catch (InvalidOperationException e) when (!context.CancellationToken.IsCancellationRequested)
            {
                throw new GrpcException(StatusCode.ResourceExhausted, e.Message);
            }
        }
    }

    private static BlockEvent ToBlockEvent(NewBlockEvent e)
    {
        var message = new BlockEvent
        {
            Height = e.Block.Header.Height,
            Hash = ByteString.CopyFrom(e.BlockId.Hash),
            Time = AbciMapping.ToTimestamp(e.Block.Header.Time),
            NumTxs = (uint)e.Block.Txs.Count,
            AppHash = ByteString.CopyFrom(e.Results.AppHash),
        };
        message.Events.AddRange(e.Results.FinalizeBlockEvents.Select(ToProto));
        return message;
    }

    private static TxEvent ToTxEvent(Rpc.TxEvent e)
    {
        var t = e.Tx;
        var message = new TxEvent
        {
            Height = t.Height,
            Index = t.Index,
            Hash = ByteString.CopyFrom(t.Hash),
            Code = t.Result.Code,
            Codespace = t.Result.Codespace,
            Log = t.Result.Log,
            GasWanted = t.Result.GasWanted,
            GasUsed = t.Result.GasUsed,
            Tx = ByteString.CopyFrom(t.Tx),
        };
        message.Events.AddRange(t.Result.EventList.Select(ToProto));
        return message;
    }

    private static AbciProto.Event ToProto(AbciEvent e)
    {
        var ev = new AbciProto.Event { Type = e.Type };
        foreach (var a in e.Attributes) ev.Attributes.Add(new AbciProto.EventAttribute { Key = a.Key, Value = a.Value, Index = a.Index });
        return ev;
    }
}
