using System.Buffers.Binary;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.BabyJubjub;

/// <summary>Arithmetic modulo the subgroup order l on canonical (non-Montgomery) 256-bit values.</summary>
internal static class SubOrderScalar
{
    /// <summary>v mod l for any 256-bit v (l has 251 bits, so five conditional subtractions of l·2^k suffice).</summary>
    public static U256 Reduce(in U256 v)
    {
        var x = v;
        var l = SubOrderModulus.Q;
        for (var k = 5; k >= 0; k--)
        {
            var shifted = ShiftLeft(l, k);
            if (!x.LessThan(shifted)) x = Subtract(x, shifted);
        }
        return x;
    }

    /// <summary>A little-endian byte string of up to 64 bytes read as an integer, reduced modulo l.</summary>
    public static U256 ReduceLittleEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 64) throw new ArgumentException("at most 64 bytes", nameof(bytes));
        Span<byte> wide = stackalloc byte[64];
        wide.Clear();
        bytes.CopyTo(wide);
        var lo = Reduce(ReadLittleEndian(wide[..32]));
        var hi = Reduce(ReadLittleEndian(wide[32..]));
        // Montgomery product hi·R2·R⁻¹ = hi·2^256 mod l, already canonical.
        Montgomery<SubOrderModulus>.Mul(hi, SubOrderModulus.R2, out var hiShifted);
        Montgomery<SubOrderModulus>.Add(hiShifted, lo, out var sum);
        return sum;
    }

    /// <summary>(a + b·c) mod l for canonical inputs of any 256-bit size.</summary>
    public static U256 MulAdd(in U256 a, in U256 b, in U256 c)
    {
        var ra = Reduce(a);
        var rb = Reduce(b);
        var rc = Reduce(c);
        // (b·c·R⁻¹)·R2·R⁻¹ = b·c mod l.
        Montgomery<SubOrderModulus>.Mul(rb, rc, out var t);
        Montgomery<SubOrderModulus>.Mul(t, SubOrderModulus.R2, out var product);
        Montgomery<SubOrderModulus>.Add(product, ra, out var sum);
        return sum;
    }

    public static U256 ReadLittleEndian(ReadOnlySpan<byte> bytes32) => new(
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[8..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[16..]),
        BinaryPrimitives.ReadUInt64LittleEndian(bytes32[24..]));

    public static void WriteLittleEndian(in U256 v, Span<byte> dest32)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(dest32, v.L0);
        BinaryPrimitives.WriteUInt64LittleEndian(dest32[8..], v.L1);
        BinaryPrimitives.WriteUInt64LittleEndian(dest32[16..], v.L2);
        BinaryPrimitives.WriteUInt64LittleEndian(dest32[24..], v.L3);
    }

    public static U256 ShiftRight(in U256 v, int bits) => bits is <= 0 or >= 64
        ? throw new ArgumentOutOfRangeException(nameof(bits))
        : new U256(
            (v.L0 >> bits) | (v.L1 << (64 - bits)),
            (v.L1 >> bits) | (v.L2 << (64 - bits)),
            (v.L2 >> bits) | (v.L3 << (64 - bits)),
            v.L3 >> bits);

    private static U256 ShiftLeft(in U256 v, int bits) => bits == 0
        ? v
        : new U256(
            v.L0 << bits,
            (v.L1 << bits) | (v.L0 >> (64 - bits)),
            (v.L2 << bits) | (v.L1 >> (64 - bits)),
            (v.L3 << bits) | (v.L2 >> (64 - bits)));

    private static U256 Subtract(in U256 a, in U256 b)
    {
        ulong d0 = a.L0 - b.L0, br = a.L0 < b.L0 ? 1UL : 0UL;
        ulong t = a.L1 - b.L1, br2 = a.L1 < b.L1 ? 1UL : 0UL;
        ulong d1 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        t = a.L2 - b.L2; br2 = a.L2 < b.L2 ? 1UL : 0UL;
        ulong d2 = t - br; br = br2 | (t < br ? 1UL : 0UL);
        ulong d3 = a.L3 - b.L3 - br;
        return new U256(d0, d1, d2, d3);
    }
}
