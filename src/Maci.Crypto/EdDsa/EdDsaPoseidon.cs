using System.Runtime.CompilerServices;
using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Blake;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.EdDsa;

/// <summary>
/// EdDSA over Baby Jubjub with a Poseidon challenge, exactly as @zk-kit/eddsa-poseidon 1.1.0 (default BLAKE-1
/// variant) and circomlib do it. A private key is any byte string (the Dora SDK passes the key integer as minimal
/// big-endian bytes); it is expanded with BLAKE-512 and pruned.
/// </summary>
[SkipLocalsInit]
public static class EdDsaPoseidon
{
    /// <summary>
    /// The secret scalar s = (prune(BLAKE-512(key)[0..32]) as little-endian) &gt;&gt; 3, reduced modulo l: the
    /// "formatted private key" that circuits, ECDH and ElGamal decryption use. PubKey = s·Base8.
    /// </summary>
    public static Fr DeriveSecretScalar(ReadOnlySpan<byte> privateKey)
    {
        Span<byte> h = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(privateKey, h);
        var pruned = PrunedScalar(h);
        return FrBits.FromCanonical(SubOrderScalar.Reduce(SubOrderScalar.ShiftRight(pruned, 3)));
    }

    public static BabyJubjubPoint DerivePublicKey(ReadOnlySpan<byte> privateKey) =>
        MultiplyBase8(DeriveSecretScalar(privateKey));

    /// <summary>s·Base8 for a scalar given as a field element (its canonical integer value).</summary>
    public static BabyJubjubPoint MultiplyBase8(in Fr scalar) => FixedBaseTable.Base8.Multiply(scalar);

    public static EdDsaSignature Sign(ReadOnlySpan<byte> privateKey, in Fr message)
    {
        Span<byte> h = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(privateKey, h);
        var s = PrunedScalar(h);
        FixedBaseTable.Base8.Multiply(SubOrderScalar.ShiftRight(s, 3), out var aExt);
        var a = aExt.ToAffine();

        // r = BLAKE-512(h[32..64] ‖ message as 32 little-endian bytes) mod l.
        Span<byte> nonceInput = stackalloc byte[64];
        h[32..].CopyTo(nonceInput);
        SubOrderScalar.WriteLittleEndian(FrBits.Canonical(message), nonceInput[32..]);
        Span<byte> rHash = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(nonceInput, rHash);
        var r = SubOrderScalar.ReduceLittleEndian(rHash);

        FixedBaseTable.Base8.Multiply(r, out var r8Ext);
        var r8 = r8Ext.ToAffine();
        var challenge = PoseidonHash.Hash5(r8.X, r8.Y, a.X, a.Y, message);
        // S = r + c·s mod l, with s the pruned value before the shift (as circomlib does).
        var sValue = SubOrderScalar.MulAdd(r, FrBits.Canonical(challenge), s);
        return new EdDsaSignature(r8, FrBits.FromCanonical(sValue));
    }

    /// <summary>
    /// zk-kit verifySignature: false unless R8 and the key are on the curve, S &lt; l and S·Base8 = R8 + 8·c·A with
    /// c = H5(R8, A, message). No subgroup check on A or R8, as in the reference.
    /// </summary>
    public static bool Verify(in Fr message, in EdDsaSignature signature, in BabyJubjubPoint publicKey)
    {
        if (!signature.R8.IsOnCurve || !publicKey.IsOnCurve) return false;
        if (!EdDsaSignature.IsScalarBelowSubgroupOrder(signature.S)) return false;
        var challenge = PoseidonHash.Hash5(signature.R8.X, signature.R8.Y, publicKey.X, publicKey.Y, message);

        // S·B8 − c·(8A) must equal R8.
        var a = ExtendedPoint.FromAffine(publicKey);
        ExtendedPoint.Double(a, out a);
        ExtendedPoint.Double(a, out a);
        ExtendedPoint.Double(a, out a);
        ExtendedPoint.Negate(a, out var minus8A);
        ExtendedPoint.Multiply(minus8A, FrBits.Canonical(challenge), out var right);
        FixedBaseTable.Base8.Multiply(FrBits.Canonical(signature.S), out var left);
        ExtendedPoint.Add(left, right, out var lhs);
        return lhs.EqualsAffine(signature.R8);
    }

    private static U256 PrunedScalar(Span<byte> blakeOutput)
    {
        // Clear the low three bits and the top bit, set bit 254 (RFC 8032 style), then read little-endian.
        blakeOutput[0] &= 0xF8;
        blakeOutput[31] &= 0x7F;
        blakeOutput[31] |= 0x40;
        return SubOrderScalar.ReadLittleEndian(blakeOutput[..32]);
    }
}
