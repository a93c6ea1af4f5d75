namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>How a stored key was created.</summary>
public enum KeySource
{
    /// <summary>Derived from a BIP-39 mnemonic along an HD path (the mnemonic is stored encrypted).</summary>
    Mnemonic,
    /// <summary>Imported as a raw 32-byte private key.</summary>
    PrivateKey,
}
