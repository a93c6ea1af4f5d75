namespace Maci.Sdk.Events;

/// <summary>Collects events in emission order for one execution scope (a tx, a message, a block hook).</summary>
public sealed class EventManager
{
    private readonly List<Event> _events = [];

    public IReadOnlyList<Event> Events => _events;

    public void Emit(Event e) => _events.Add(e);

    public void EmitAll(IEnumerable<Event> events) => _events.AddRange(events);
}
