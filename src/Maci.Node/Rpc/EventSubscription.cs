using System.Threading.Channels;
using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>
/// One client's subscription to events matching a query. Events arrive on <see cref="Reader"/>; a
/// subscriber that falls <see cref="EventBus.BufferSize"/> events behind is cancelled (the reader
/// completes with an error), as CometBFT does with slow websocket clients.
/// </summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<ChainEvent> _channel;
    private readonly EventBus _bus;

    internal EventSubscription(EventBus bus, string clientId, string queryText, EventQuery query, int capacity)
    {
        _bus = bus;
        ClientId = clientId;
        QueryText = queryText;
        Query = query;
        _channel = Channel.CreateBounded<ChainEvent>(new BoundedChannelOptions(capacity) { SingleReader = true });
    }

    public string ClientId { get; }

    public string QueryText { get; }

    public EventQuery Query { get; }

    public ChannelReader<ChainEvent> Reader => _channel.Reader;

    internal void Deliver(ChainEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            _channel.Writer.TryComplete(new InvalidOperationException("client is not pulling messages fast enough"));
            _bus.Remove(this);
        }
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose() => _bus.Unsubscribe(ClientId, QueryText);
}
