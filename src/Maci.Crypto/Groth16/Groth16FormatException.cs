namespace Maci.Crypto.Groth16;

/// <summary>A verifying key, proof, point or public input could not be decoded or failed validation.</summary>
public sealed class Groth16FormatException : FormatException
{
    public Groth16FormatException(string message) : base(message) { }

    public Groth16FormatException(string message, Exception inner) : base(message, inner) { }
}
