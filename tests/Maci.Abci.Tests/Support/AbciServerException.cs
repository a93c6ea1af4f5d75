namespace Maci.Abci.Tests.Support;

/// <summary>The server answered with <c>Response.exception</c>.</summary>
public sealed class AbciServerException(string error) : Exception($"ABCI server exception: {error}")
{
    public string Error { get; } = error;
}
