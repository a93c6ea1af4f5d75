using System.Buffers.Binary;
using static Maci.Crypto.Cosmos.Secp256k1Math.FieldElement;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

/// <summary>
/// An integer modulo the group order n = 2^256 − 0x14551231950B75FC4402DA1732FC9BEBF, as four little-endian
/// 64-bit limbs, always fully reduced (&lt; n). Variable time.
/// </summary>
internal readonly partial struct Scalar
{
    internal const ulong N0 = 0xBFD25E8CD0364141UL, N1 = 0xBAAEDCE6AF48A03BUL, N2 = 0xFFFFFFFFFFFFFFFEUL, N3 = ulong.MaxValue;

    /// <summary>2^256 − n, 129 bits.</summary>
    internal const ulong Nc0 = 0x402DA1732FC9BEBFUL, Nc1 = 0x4551231950B75FC4UL, Nc2 = 1;

    internal const ulong HalfN0 = 0xDFE92F46681B20A0UL, HalfN1 = 0x5D576E7357A4501DUL, HalfN2 = ulong.MaxValue, HalfN3 = 0x7FFFFFFFFFFFFFFFUL;

    public readonly ulong L0, L1, L2, L3;

    public Scalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static Scalar Zero => default;

    public static Scalar One => new(1, 0, 0, 0);

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>True when the value is greater than (n − 1)/2, i.e. a "high s".</summary>
    public bool IsHigh => GreaterThan(L0, L1, L2, L3, HalfN0, HalfN1, HalfN2, HalfN3);

    public static bool Equal(in Scalar a, in Scalar b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    /// <summary>Reads 32 big-endian bytes; false when the value is ≥ n (r then holds the value reduced mod n).</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> be32, out Scalar r)
    {
        var l3 = BinaryPrimitives.ReadUInt64BigEndian(be32);
        var l2 = BinaryPrimitives.ReadUInt64BigEndian(be32[8..]);
        var l1 = BinaryPrimitives.ReadUInt64BigEndian(be32[16..]);
        var l0 = BinaryPrimitives.ReadUInt64BigEndian(be32[24..]);
        var overflow = ReduceOnce(l0, l1, l2, l3, 0, out r);
        return !overflow;
    }

    /// <summary>32 big-endian bytes reduced mod n (2^256 &lt; 2n, so one subtraction suffices).</summary>
    public static Scalar FromBytesReduced(ReadOnlySpan<byte> be32)
    {
        TryFromBytes(be32, out var r);
        return r;
    }

    public void WriteBytes(Span<byte> be32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(be32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(be32[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(be32[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(be32[24..], L0);
    }

    public static void Add(in Scalar a, in Scalar b, out Scalar r)
    {
        ulong carry = 0;
        var s0 = AddCarry(a.L0, b.L0, ref carry);
        var s1 = AddCarry(a.L1, b.L1, ref carry);
        var s2 = AddCarry(a.L2, b.L2, ref carry);
        var s3 = AddCarry(a.L3, b.L3, ref carry);
        ReduceOnce(s0, s1, s2, s3, carry, out r);
    }

    public static void Negate(in Scalar a, out Scalar r)
    {
        if (a.IsZero)
        {
            r = a;
            return;
        }
        ulong borrow = 0;
        var d0 = SubBorrow(N0, a.L0, ref borrow);
        var d1 = SubBorrow(N1, a.L1, ref borrow);
        var d2 = SubBorrow(N2, a.L2, ref borrow);
        var d3 = SubBorrow(N3, a.L3, ref borrow);
        r = new Scalar(d0, d1, d2, d3);
    }

    public bool GetBit(int i) => i < 256 && ((Limb(i >> 6) >> (i & 63)) & 1) != 0;

    public ulong Limb(int i) => i switch { 0 => L0, 1 => L1, 2 => L2, 3 => L3, _ => 0 };

    /// <summary>Reduces s + top·2^256 (a value below 2n) to [0, n); returns whether n was subtracted.</summary>
    private static bool ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3, ulong top, out Scalar r)
    {
        ulong carry = 0;
        var t0 = AddCarry(s0, Nc0, ref carry);
        var t1 = AddCarry(s1, Nc1, ref carry);
        var t2 = AddCarry(s2, Nc2, ref carry);
        var t3 = AddCarry(s3, 0, ref carry);
        var over = (carry | top) != 0;
        r = over ? new Scalar(t0, t1, t2, t3) : new Scalar(s0, s1, s2, s3);
        return over;
    }

    private static bool GreaterThan(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        if (a3 != b3) return a3 > b3;
        if (a2 != b2) return a2 > b2;
        if (a1 != b1) return a1 > b1;
        return a0 > b0;
    }

    public override string ToString() => $"{L3:x16}{L2:x16}{L1:x16}{L0:x16}";
}
