namespace Maci.Node.Chain;

/// <summary>An event attribute; only attributes with <see cref="Index"/> set go into the tx index.</summary>
public sealed record AbciEventAttribute(string Key, string Value, bool Index);
