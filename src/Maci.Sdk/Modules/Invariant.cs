namespace Maci.Sdk.Modules;

/// <summary>A pure check over state; returns null when it holds, else a description of the violation.</summary>
public sealed record Invariant(string Module, string Name, Func<Context, string?> Check);
