using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.EdDsa;

/// <summary>An EdDSA-Poseidon signature: the point R8 and the scalar S (valid signatures have S &lt; l).</summary>
public readonly record struct EdDsaSignature(BabyJubjubPoint R8, Fr S)
{
    public const int PackedSize = 64;

    /// <summary>@zk-kit packSignature: packed R8 (32 bytes) then S as 32 little-endian bytes.</summary>
    public void Pack(Span<byte> destination)
    {
        if (destination.Length < PackedSize)
            throw new ArgumentException($"a packed signature needs {PackedSize} bytes", nameof(destination));
        if (!R8.IsOnCurve) throw new InvalidOperationException("cannot pack a signature whose R8 is not on the curve");
        if (!IsScalarBelowSubgroupOrder(S)) throw new InvalidOperationException("cannot pack a signature whose S is not below l");
        R8.Pack(destination);
        SubOrderScalar.WriteLittleEndian(FrBits.Canonical(S), destination[32..]);
    }

    /// <summary>Reverses <see cref="Pack"/>; false for a wrong length, an R8 that does not unpack, or S ≥ l.</summary>
    public static bool TryUnpack(ReadOnlySpan<byte> packed, out EdDsaSignature signature)
    {
        signature = default;
        if (packed.Length != PackedSize) return false;
        if (!BabyJubjubPoint.TryUnpack(packed[..32], out var r8)) return false;
        var s = SubOrderScalar.ReadLittleEndian(packed[32..]);
        if (!s.LessThan(BabyJubjubCurve.SubgroupOrderLimbs)) return false;
        signature = new EdDsaSignature(r8, FrBits.FromCanonical(s));
        return true;
    }

    internal static bool IsScalarBelowSubgroupOrder(in Fr s) => FrBits.Canonical(s).LessThan(BabyJubjubCurve.SubgroupOrderLimbs);
}
