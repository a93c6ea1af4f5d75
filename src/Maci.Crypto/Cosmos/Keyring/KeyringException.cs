namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>A keyring operation failed for the reason in <see cref="Error"/>; the message is meant for the user.</summary>
public sealed class KeyringException(KeyringError error, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public KeyringError Error { get; } = error;
}
