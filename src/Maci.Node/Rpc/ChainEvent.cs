using Maci.Node.Query;

namespace Maci.Node.Rpc;

/// <summary>An event published to subscribers, with the composite keys queries match against.</summary>
public abstract record ChainEvent
{
    public abstract EventMultimap Events { get; }
}
