namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>The public part of a stored key.</summary>
/// <param name="Name">The key's name in the keyring.</param>
/// <param name="Address">The bech32 account address under the keyring's prefix.</param>
/// <param name="PublicKey">The 33-byte compressed secp256k1 public key.</param>
/// <param name="HdPath">The derivation path for mnemonic keys, otherwise null.</param>
/// <param name="Source">How the key was created.</param>
public sealed record KeyInfo(string Name, string Address, byte[] PublicKey, HdPath? HdPath, KeySource Source)
{
    /// <summary>The raw 20-byte account address.</summary>
    public byte[] AddressBytes() => CosmosAddress.FromPublicKey(PublicKey);

    public bool Equals(KeyInfo? other) =>
        other is not null && Name == other.Name && Address == other.Address && PublicKey.AsSpan().SequenceEqual(other.PublicKey)
        && Equals(HdPath, other.HdPath) && Source == other.Source;

    public override int GetHashCode() => HashCode.Combine(Name, Address, Source);
}
