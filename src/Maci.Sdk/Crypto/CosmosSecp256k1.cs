using Maci.Crypto.Cosmos;

namespace Maci.Sdk.Crypto;

/// <summary>The production <see cref="ISecp256k1"/>: Maci.Crypto.Cosmos (low-s verification, RIPEMD160(SHA256) addresses).</summary>
public sealed class CosmosSecp256k1 : ISecp256k1
{
    public static CosmosSecp256k1 Instance { get; } = new();

    public bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64) =>
        Secp256k1.Verify(publicKey33, hash32, signature64);

    public byte[] AddressFromPublicKey(ReadOnlySpan<byte> publicKey33) => CosmosAddress.FromPublicKey(publicKey33);
}
