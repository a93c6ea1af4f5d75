namespace Maci.Sdk.Events;

/// <summary>A typed ABCI event as emitted by modules. Events are informative, never part of the app hash.</summary>
public sealed record Event(string Type, IReadOnlyList<EventAttribute> Attributes)
{
    public Event(string type, params EventAttribute[] attributes) : this(type, (IReadOnlyList<EventAttribute>)attributes) { }

    public string? Get(string key) => Attributes.FirstOrDefault(a => a.Key == key).Value;

    public override string ToString() => $"{Type}{{{string.Join(", ", Attributes.Select(a => $"{a.Key}={a.Value}"))}}}";
}
