namespace Maci.Sdk.Events;

/// <summary>One key/value of an event; <see cref="Index"/> asks CometBFT's indexer to index it.</summary>
public readonly record struct EventAttribute(string Key, string Value, bool Index = true);
