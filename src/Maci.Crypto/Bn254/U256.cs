using System.Runtime.InteropServices;

namespace Maci.Crypto.Bn254;

/// <summary>Four little-endian 64-bit limbs; the storage of every BN254 field element.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct U256(ulong l0, ulong l1, ulong l2, ulong l3)
{
    public readonly ulong L0 = l0;
    public readonly ulong L1 = l1;
    public readonly ulong L2 = l2;
    public readonly ulong L3 = l3;

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    public bool Equals(in U256 o) => ((L0 ^ o.L0) | (L1 ^ o.L1) | (L2 ^ o.L2) | (L3 ^ o.L3)) == 0;

    /// <summary>True when this value is strictly less than <paramref name="o"/>.</summary>
    public bool LessThan(in U256 o)
    {
        if (L3 != o.L3) return L3 < o.L3;
        if (L2 != o.L2) return L2 < o.L2;
        if (L1 != o.L1) return L1 < o.L1;
        return L0 < o.L0;
    }
}
