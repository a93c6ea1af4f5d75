namespace Maci.Node.Query;

/// <summary>A malformed event query; the message names the offset and what was expected.</summary>
public sealed class EventQueryException(string message) : FormatException(message);
