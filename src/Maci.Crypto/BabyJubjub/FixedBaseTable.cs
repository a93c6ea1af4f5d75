using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>
/// Precomputed multiples of one point for fixed-base scalar multiplication: entry (i, j) = j·16^i·P for the 64
/// nibble positions of a 256-bit scalar, so [k]P costs at most 64 additions and no doublings. Built on first use
/// (about a thousand point additions); read-only afterwards. Lookups depend on the scalar (not constant time).
/// </summary>
internal sealed class FixedBaseTable
{
    private const int Positions = 64;
    private readonly ExtendedPoint[] _entries = new ExtendedPoint[Positions * 16];

    public FixedBaseTable(in BabyJubjubPoint point)
    {
        var b = ExtendedPoint.FromAffine(point);
        for (var i = 0; i < Positions; i++)
        {
            ExtendedPoint.FillWindowTable(b, _entries.AsSpan(i * 16, 16));
            // Next position's base: 16·b.
            for (var d = 0; d < 4; d++) ExtendedPoint.Double(b, out b);
        }
    }

    public static FixedBaseTable Base8 => Base8Holder.Table;

    public void Multiply(in U256 k, out ExtendedPoint r)
    {
        var acc = ExtendedPoint.Identity;
        for (var i = 0; i < Positions; i++)
        {
            var n = ExtendedPoint.Nibble(k, i);
            if (n != 0) ExtendedPoint.Add(acc, _entries[i * 16 + n], out acc);
        }
        r = acc;
    }

    public BabyJubjubPoint Multiply(in Fr scalar)
    {
        Multiply(FrBits.Canonical(scalar), out var r);
        return r.ToAffine();
    }

    private static class Base8Holder
    {
        public static readonly FixedBaseTable Table = new(BabyJubjubPoint.Base8);
    }
}
