using System.Runtime.CompilerServices;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct FieldElement
{
    [SkipLocalsInit]
    public static void Mul(in FieldElement a, in FieldElement b, out FieldElement r)
    {
        ulong c = 0;
        var r0 = MulAddCarry(a.L0, b.L0, 0, ref c);
        var r1 = MulAddCarry(a.L0, b.L1, 0, ref c);
        var r2 = MulAddCarry(a.L0, b.L2, 0, ref c);
        var r3 = MulAddCarry(a.L0, b.L3, 0, ref c);
        var r4 = c;
        c = 0;
        r1 = MulAddCarry(a.L1, b.L0, r1, ref c);
        r2 = MulAddCarry(a.L1, b.L1, r2, ref c);
        r3 = MulAddCarry(a.L1, b.L2, r3, ref c);
        r4 = MulAddCarry(a.L1, b.L3, r4, ref c);
        var r5 = c;
        c = 0;
        r2 = MulAddCarry(a.L2, b.L0, r2, ref c);
        r3 = MulAddCarry(a.L2, b.L1, r3, ref c);
        r4 = MulAddCarry(a.L2, b.L2, r4, ref c);
        r5 = MulAddCarry(a.L2, b.L3, r5, ref c);
        var r6 = c;
        c = 0;
        r3 = MulAddCarry(a.L3, b.L0, r3, ref c);
        r4 = MulAddCarry(a.L3, b.L1, r4, ref c);
        r5 = MulAddCarry(a.L3, b.L2, r5, ref c);
        r6 = MulAddCarry(a.L3, b.L3, r6, ref c);
        Reduce512(r0, r1, r2, r3, r4, r5, r6, c, out r);
    }

    [SkipLocalsInit]
    public static void Sqr(in FieldElement a, out FieldElement r)
    {
        // Cross products a_i·a_j (i < j) once, doubled, plus the squares on the diagonal.
        ulong c = 0;
        var x1 = MulAddCarry(a.L0, a.L1, 0, ref c);
        var x2 = MulAddCarry(a.L0, a.L2, 0, ref c);
        var x3 = MulAddCarry(a.L0, a.L3, 0, ref c);
        var x4 = c;
        c = 0;
        x3 = MulAddCarry(a.L1, a.L2, x3, ref c);
        x4 = MulAddCarry(a.L1, a.L3, x4, ref c);
        var x5 = c;
        c = 0;
        x5 = MulAddCarry(a.L2, a.L3, x5, ref c);
        var x6 = c;

        var x7 = x6 >> 63;
        x6 = (x6 << 1) | (x5 >> 63);
        x5 = (x5 << 1) | (x4 >> 63);
        x4 = (x4 << 1) | (x3 >> 63);
        x3 = (x3 << 1) | (x2 >> 63);
        x2 = (x2 << 1) | (x1 >> 63);
        x1 <<= 1;

        var d0h = Math.BigMul(a.L0, a.L0, out var x0);
        var d1h = Math.BigMul(a.L1, a.L1, out var d1l);
        var d2h = Math.BigMul(a.L2, a.L2, out var d2l);
        var d3h = Math.BigMul(a.L3, a.L3, out var d3l);
        c = 0;
        x1 = AddCarry(x1, d0h, ref c);
        x2 = AddCarry(x2, d1l, ref c);
        x3 = AddCarry(x3, d1h, ref c);
        x4 = AddCarry(x4, d2l, ref c);
        x5 = AddCarry(x5, d2h, ref c);
        x6 = AddCarry(x6, d3l, ref c);
        x7 = AddCarry(x7, d3h, ref c);
        Reduce512(x0, x1, x2, x3, x4, x5, x6, x7, out r);
    }

    public static void SqrN(in FieldElement a, int n, out FieldElement r)
    {
        Sqr(a, out r);
        for (var i = 1; i < n; i++)
            Sqr(r, out r);
    }

    /// <summary>lo + hi·2^256 ≡ lo + hi·C (mod p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce512(ulong l0, ulong l1, ulong l2, ulong l3, ulong h0, ulong h1, ulong h2, ulong h3, out FieldElement r)
    {
        ulong c = 0;
        var t0 = MulAddCarry(h0, C, l0, ref c);
        var t1 = MulAddCarry(h1, C, l1, ref c);
        var t2 = MulAddCarry(h2, C, l2, ref c);
        var t3 = MulAddCarry(h3, C, l3, ref c);
        ReduceSmallTop(t0, t1, t2, t3, c, out r);
    }
}
