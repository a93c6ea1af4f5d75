namespace Maci.Sdk.Crypto;

/// <summary>
/// The account-key operations the chain needs: secp256k1 verification of 64-byte r‖s signatures over a
/// 32-byte hash (low-s required) and the Cosmos address of a compressed public key.
/// </summary>
public interface ISecp256k1
{
    bool Verify(ReadOnlySpan<byte> publicKey33, ReadOnlySpan<byte> hash32, ReadOnlySpan<byte> signature64);

    /// <summary>RIPEMD160(SHA256(publicKey33)), 20 bytes.</summary>
    byte[] AddressFromPublicKey(ReadOnlySpan<byte> publicKey33);
}
