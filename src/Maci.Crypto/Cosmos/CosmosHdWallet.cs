namespace Maci.Crypto.Cosmos;

/// <summary>
/// Mnemonic → account key, as CosmJS's DirectSecp256k1HdWallet.fromMnemonic does: BIP-39 seed (with the
/// optional passphrase CosmJS calls bip39Password), BIP-32 derivation along the HD path (default m/44'/118'/0'/0/0).
/// </summary>
public static class CosmosHdWallet
{
    /// <exception cref="FormatException">The mnemonic is invalid.</exception>
    public static Secp256k1KeyPair FromMnemonic(string mnemonic, string passphrase = "", HdPath? path = null)
    {
        var seed = Bip39.MnemonicToSeed(mnemonic, passphrase);
        try
        {
            var key = Bip32.DerivePath(seed, path ?? HdPath.CosmosDefault);
            return Secp256k1KeyPair.FromPrivateKey(key.PrivateKey);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }
}
