using Maci.Crypto.Cosmos;

namespace Maci.Node.Tests.Rounds;

/// <summary>A secp256k1 account that signs txs on the test node.</summary>
internal sealed record ChainAccount(string Name, Secp256k1KeyPair Key)
{
    public string Address { get; } = Key.Bech32Address("maci");

    public static ChainAccount FromMnemonic(string name, string mnemonic) => new(name, CosmosHdWallet.FromMnemonic(mnemonic));

    /// <summary>A fresh key whose private key is SHA-256 of the name (deterministic, never funded by genesis).</summary>
    public static ChainAccount Derived(string name) =>
        new(name, Secp256k1KeyPair.FromPrivateKey(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("replay/" + name))));
}
