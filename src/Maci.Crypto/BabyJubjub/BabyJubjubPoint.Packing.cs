using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

public readonly partial struct BabyJubjubPoint
{
    public const int PackedSize = 32;

    /// <summary>
    /// circomlib / @zk-kit packing: y as 32 little-endian bytes, with the top bit of the last byte set when x is
    /// "negative" (x &gt; (r − 1)/2). Read as a little-endian integer this is zk-kit's packed bigint.
    /// </summary>
    public void Pack(Span<byte> destination)
    {
        if (destination.Length < PackedSize)
            throw new ArgumentException($"a packed point needs {PackedSize} bytes", nameof(destination));
        SubOrderScalar.WriteLittleEndian(FrBits.Canonical(Y), destination);
        if (FrBits.IsNegative(X)) destination[31] |= 0x80;
    }

    /// <summary>
    /// Reverses <see cref="Pack"/>: false for a wrong length, y ≥ r, or a y with no curve point. The root chosen for
    /// x is the non-negative one, negated when the sign bit is set, as zk-kit does. The result is on the curve but
    /// not necessarily in the prime subgroup.
    /// </summary>
    public static bool TryUnpack(ReadOnlySpan<byte> packed, out BabyJubjubPoint point)
    {
        point = default;
        if (packed.Length != PackedSize) return false;
        Span<byte> yBytes = stackalloc byte[PackedSize];
        packed.CopyTo(yBytes);
        var negative = (yBytes[31] & 0x80) != 0;
        yBytes[31] &= 0x7f;
        var yInt = SubOrderScalar.ReadLittleEndian(yBytes);
        if (!yInt.LessThan(FrModulus.Q)) return false;
        var y = FrBits.FromCanonical(yInt);

        // x² = (1 − y²) / (a − d·y²); the denominator never vanishes because a/d is not a square.
        Fr.Square(y, out var y2);
        Fr.Sub(Fr.One, y2, out var num);
        Fr.Mul(y2, BabyJubjubCurve.DField, out var dy2);
        Fr.Sub(BabyJubjubCurve.AField, dy2, out var den);
        Fr.Inverse(den, out var denInv);
        Fr.Mul(num, denInv, out var x2);
        if (!Fr.Sqrt(x2, out var x)) return false;
        if (FrBits.IsNegative(x)) Fr.Neg(x, out x);
        if (negative) Fr.Neg(x, out x);
        point = new BabyJubjubPoint(x, y);
        return true;
    }
}
