namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>A key created by <see cref="FileKeyring.Add"/>, with the mnemonic to show the user once.</summary>
public sealed record NewKey(KeyInfo Key, string Mnemonic);
