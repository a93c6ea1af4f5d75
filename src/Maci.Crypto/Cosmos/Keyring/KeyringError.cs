namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>Why a keyring operation failed.</summary>
public enum KeyringError
{
    /// <summary>The passphrase does not open this keyring.</summary>
    WrongPassphrase,
    /// <summary>A key with this name already exists.</summary>
    DuplicateName,
    /// <summary>The same public key is already stored under another name.</summary>
    DuplicateKey,
    /// <summary>No key has this name (or address).</summary>
    NotFound,
    /// <summary>The keyring file cannot be read or fails its integrity checks.</summary>
    Corrupt,
    /// <summary>The key has no mnemonic (it was imported from a raw private key).</summary>
    NoMnemonic,
    /// <summary>Another process holds the keyring lock for too long.</summary>
    Locked,
}
