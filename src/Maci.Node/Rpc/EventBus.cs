using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>
/// Publishes NewBlock and Tx events to query subscriptions (websocket subscribe, broadcast_tx_commit).
/// Limits follow CometBFT's defaults: 100 clients, 5 subscriptions per client.
/// </summary>
public sealed class EventBus(int maxClients = 100, int maxSubscriptionsPerClient = 5)
{
    public const int BufferSize = 200;

    private readonly Lock _gate = new();
    private readonly List<EventSubscription> _subscriptions = [];
    private bool _closed;

    public int SubscriptionCount
    {
        get { lock (_gate) return _subscriptions.Count; }
    }

    /// <summary>Subscribes; throws <see cref="EventQueryException"/> for a bad query and <see cref="InvalidOperationException"/> for limits or duplicates.</summary>
    public EventSubscription Subscribe(string clientId, string queryText, int capacity = BufferSize)
    {
        var query = EventQuery.Parse(queryText);
        lock (_gate)
        {
            if (_closed) throw new InvalidOperationException("the event bus is stopped (the node is shutting down)");
            var clients = _subscriptions.Select(s => s.ClientId).Distinct(StringComparer.Ordinal).ToList();
            if (!clients.Contains(clientId, StringComparer.Ordinal) && clients.Count >= maxClients)
                throw new InvalidOperationException($"max_subscription_clients {maxClients} reached");
            var mine = _subscriptions.Where(s => s.ClientId == clientId).ToList();
            if (mine.Count >= maxSubscriptionsPerClient)
                throw new InvalidOperationException($"max_subscriptions_per_client {maxSubscriptionsPerClient} reached");
            if (mine.Any(s => s.QueryText == queryText))
                throw new InvalidOperationException("already subscribed");
            var sub = new EventSubscription(this, clientId, queryText, query, capacity);
            _subscriptions.Add(sub);
            return sub;
        }
    }

    /// <summary>Ends one subscription; false when the client had no such subscription.</summary>
    public bool Unsubscribe(string clientId, string queryText)
    {
        EventSubscription? sub;
        lock (_gate)
        {
            sub = _subscriptions.FirstOrDefault(s => s.ClientId == clientId && s.QueryText == queryText);
            if (sub is null) return false;
            _subscriptions.Remove(sub);
        }
        sub.Complete();
        return true;
    }

    public int UnsubscribeAll(string clientId)
    {
        List<EventSubscription> mine;
        lock (_gate)
        {
            mine = _subscriptions.Where(s => s.ClientId == clientId).ToList();
            foreach (var s in mine) _subscriptions.Remove(s);
        }
        foreach (var s in mine) s.Complete();
        return mine.Count;
    }

    /// <summary>Delivers the event to every subscription whose query matches its composite keys.</summary>
    public void Publish(ChainEvent e)
    {
        EventSubscription[] targets;
        lock (_gate) targets = _subscriptions.Where(s => s.Query.Matches(e.Events)).ToArray();
        foreach (var s in targets) s.Deliver(e);
    }

    /// <summary>Ends every subscription (readers complete normally) and refuses new ones: websocket and gRPC streams end.</summary>
    public void Close()
    {
        EventSubscription[] all;
        lock (_gate)
        {
            _closed = true;
            all = [.. _subscriptions];
            _subscriptions.Clear();
        }
        foreach (var s in all) s.Complete();
    }

    internal void Remove(EventSubscription sub)
    {
        lock (_gate) _subscriptions.Remove(sub);
    }
}
