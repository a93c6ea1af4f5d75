namespace Maci.Abci.Server;

/// <summary>A violation of the ABCI socket protocol (bad frame, undecodable or unknown request).</summary>
public sealed class AbciProtocolException : Exception
{
    public AbciProtocolException(string message)
        : base(message)
    {
    }

    public AbciProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
