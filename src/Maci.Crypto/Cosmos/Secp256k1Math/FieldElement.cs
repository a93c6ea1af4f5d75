using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>
/// An element of GF(p), p = 2^256 − 2^32 − 977, as four little-endian 64-bit limbs. Every operation returns a
/// fully reduced value (&lt; p), so equality is limb equality. Variable time: carries are computed with
/// comparisons and selected with masks, but nothing here is hardened against timing analysis.
/// </summary>
internal readonly partial struct FieldElement
{
    /// <summary>2^256 mod p = 2^32 + 977.</summary>
    internal const ulong C = 0x1000003D1UL;

    internal const ulong P0 = 0xFFFFFFFEFFFFFC2FUL;
    internal const ulong PHigh = ulong.MaxValue; // limbs 1..3 of p

    public readonly ulong L0, L1, L2, L3;

    public FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static FieldElement Zero => default;

    public static FieldElement One => new(1, 0, 0, 0);

    public static FieldElement FromUInt64(ulong v) => new(v, 0, 0, 0);

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    public bool IsOdd => (L0 & 1) != 0;

    public static bool Equal(in FieldElement a, in FieldElement b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    /// <summary>Reads 32 big-endian bytes; false when the value is ≥ p.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> be32, out FieldElement r)
    {
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(be32);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(be32[8..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(be32[16..]);
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(be32[24..]);
        r = new FieldElement(l0, l1, l2, l3);
        return !((l3 & l2 & l1) == ulong.MaxValue && l0 >= P0);
    }

    public void WriteBytes(Span<byte> be32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(be32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(be32[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(be32[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(be32[24..], L0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        ulong carry = 0;
        var s0 = AddCarry(a.L0, b.L0, ref carry);
        var s1 = AddCarry(a.L1, b.L1, ref carry);
        var s2 = AddCarry(a.L2, b.L2, ref carry);
        var s3 = AddCarry(a.L3, b.L3, ref carry);
        ReduceOnce(s0, s1, s2, s3, carry, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        ulong borrow = 0;
        var d0 = SubBorrow(a.L0, b.L0, ref borrow);
        var d1 = SubBorrow(a.L1, b.L1, ref borrow);
        var d2 = SubBorrow(a.L2, b.L2, ref borrow);
        var d3 = SubBorrow(a.L3, b.L3, ref borrow);
        // On borrow the limbs hold a − b + 2^256; adding p means subtracting C modulo 2^256.
        var c = C & (0 - borrow);
        var e0 = d0 - c;
        borrow = d0 < c ? 1UL : 0UL;
        var e1 = d1 - borrow;
        borrow = d1 < borrow ? 1UL : 0UL;
        var e2 = d2 - borrow;
        borrow = d2 < borrow ? 1UL : 0UL;
        r = new FieldElement(e0, e1, e2, d3 - borrow);
    }

    public static void Negate(in FieldElement a, out FieldElement r) => Sub(Zero, a, out r);

    public static void Double(in FieldElement a, out FieldElement r) => Add(a, a, out r);

    /// <summary>a · k for a small k (≤ 2^31).</summary>
    public static void MulSmall(in FieldElement a, uint k, out FieldElement r)
    {
        ulong carry = 0;
        var t0 = MulAddCarry(a.L0, k, 0, ref carry);
        var t1 = MulAddCarry(a.L1, k, 0, ref carry);
        var t2 = MulAddCarry(a.L2, k, 0, ref carry);
        var t3 = MulAddCarry(a.L3, k, 0, ref carry);
        ReduceSmallTop(t0, t1, t2, t3, carry, out r);
    }

    /// <summary>Reduces s + top·2^256 where the value is below 2p (top ≤ 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3, ulong top, out FieldElement r)
    {
        // t = s + C; the value is ≥ p exactly when s + C carries out of 2^256 (with the top bit included).
        var t0 = s0 + C;
        var carry = t0 < C ? 1UL : 0UL;
        var t1 = s1 + carry;
        carry = t1 < carry ? 1UL : 0UL;
        var t2 = s2 + carry;
        carry = t2 < carry ? 1UL : 0UL;
        var t3 = s3 + carry;
        carry = t3 < carry ? 1UL : 0UL;
        var mask = 0 - ((carry | top) & 1);
        r = new FieldElement((t0 & mask) | (s0 & ~mask), (t1 & mask) | (s1 & ~mask), (t2 & mask) | (s2 & ~mask), (t3 & mask) | (s3 & ~mask));
    }

    /// <summary>Reduces t + top·2^256 for top &lt; 2^63.</summary>
    /// <remarks>
    /// The two corrections after the first fold are needed with probability about 2^−189 and 2^−224 for
    /// random values, so they sit behind branches that are always predicted (only the verifier, whose inputs are
    /// public, and the signer's table walk use this; see EcdsaSigner for the side-channel note).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReduceSmallTop(ulong t0, ulong t1, ulong t2, ulong t3, ulong top, out FieldElement r)
    {
        ulong carry = 0;
        var product = Math.BigMul(top, C);
        t0 = AddCarry(t0, (ulong)product, ref carry);
        t1 = AddCarry(t1, (ulong)(product >> 64), ref carry);
        t2 += carry;
        carry = t2 < carry ? 1UL : 0UL;
        t3 += carry;
        carry = t3 < carry ? 1UL : 0UL;
        if (carry != 0)
        {
            // The sum wrapped, leaving t < 2^67: adding C for the lost 2^256 cannot carry out again.
            t0 += C;
            carry = t0 < C ? 1UL : 0UL;
            t1 += carry;
            carry = t1 < carry ? 1UL : 0UL;
            t2 += carry;
            carry = t2 < carry ? 1UL : 0UL;
            t3 += carry;
        }
        if ((t3 & t2 & t1) == ulong.MaxValue && t0 >= P0)
        {
            // p ≤ t < 2^256: t − p = t + C − 2^256, which has only a low limb.
            r = new FieldElement(t0 + C, 0, 0, 0);
            return;
        }
        r = new FieldElement(t0, t1, t2, t3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddCarry(ulong a, ulong b, ref ulong carry)
    {
        var s = a + b;
        var c1 = s < a ? 1UL : 0UL;
        var s2 = s + carry;
        var c2 = s2 < s ? 1UL : 0UL;
        carry = c1 | c2;
        return s2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubBorrow(ulong a, ulong b, ref ulong borrow)
    {
        var d = a - b;
        var b1 = a < b ? 1UL : 0UL;
        var d2 = d - borrow;
        var b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return d2;
    }

    /// <summary>a·b + addend + carry, returning the low word and leaving the high word in carry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulAddCarry(ulong a, ulong b, ulong addend, ref ulong carry)
    {
        var product = Math.BigMul(a, b);
        var lo = (ulong)product + addend;
        var hi = (ulong)(product >> 64);
        hi += lo < addend ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    public override string ToString() => $"{L3:x16}{L2:x16}{L1:x16}{L0:x16}";
}
