namespace Maci.Node.Cli;

/// <summary>An attribute of the included tx's events to print as <see cref="Name"/> (the last matching event wins).</summary>
public readonly record struct TxEventField(string EventType, string Attribute, string Name);
