using System.Runtime.CompilerServices;
using static Maci.Crypto.Cosmos.Secp256k1Math.FieldElement;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct Scalar
{
    public static void Mul(in Scalar a, in Scalar b, out Scalar r)
    {
        Mul512(a, b, out var x0, out var x1, out var x2, out var x3, out var x4, out var x5, out var x6, out var x7);
        Reduce512(x0, x1, x2, x3, x4, x5, x6, x7, out r);
    }

    /// <summary>The full 512-bit product a·b (not reduced).</summary>
    internal static void Mul512(in Scalar a, in Scalar b,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong c = 0;
        r0 = MulAddCarry(a.L0, b.L0, 0, ref c);
        r1 = MulAddCarry(a.L0, b.L1, 0, ref c);
        r2 = MulAddCarry(a.L0, b.L2, 0, ref c);
        r3 = MulAddCarry(a.L0, b.L3, 0, ref c);
        r4 = c;
        c = 0;
        r1 = MulAddCarry(a.L1, b.L0, r1, ref c);
        r2 = MulAddCarry(a.L1, b.L1, r2, ref c);
        r3 = MulAddCarry(a.L1, b.L2, r3, ref c);
        r4 = MulAddCarry(a.L1, b.L3, r4, ref c);
        r5 = c;
        c = 0;
        r2 = MulAddCarry(a.L2, b.L0, r2, ref c);
        r3 = MulAddCarry(a.L2, b.L1, r3, ref c);
        r4 = MulAddCarry(a.L2, b.L2, r4, ref c);
        r5 = MulAddCarry(a.L2, b.L3, r5, ref c);
        r6 = c;
        c = 0;
        r3 = MulAddCarry(a.L3, b.L0, r3, ref c);
        r4 = MulAddCarry(a.L3, b.L1, r4, ref c);
        r5 = MulAddCarry(a.L3, b.L2, r5, ref c);
        r6 = MulAddCarry(a.L3, b.L3, r6, ref c);
        r7 = c;
    }

    /// <summary>Reduces an 8-limb value mod n by folding the part above 2^256 with 2^256 ≡ 2^256 − n, three times.</summary>
    internal static void Reduce512(ulong x0, ulong x1, ulong x2, ulong x3, ulong x4, ulong x5, ulong x6, ulong x7, out Scalar r)
    {
        Fold(x0, x1, x2, x3, x4, x5, x6, x7, out var m0, out var m1, out var m2, out var m3, out var m4, out var m5, out var m6);   // < 2^386
        Fold(m0, m1, m2, m3, m4, m5, m6, 0, out x0, out x1, out x2, out x3, out x4, out x5, out x6);                               // < 2^260
        Fold(x0, x1, x2, x3, x4, 0, 0, 0, out m0, out m1, out m2, out m3, out m4, out _, out _);                                   // < 2^256 + 2^134
        ReduceOnce(m0, m1, m2, m3, m4, out r);
    }

    /// <summary>m = l + h·(2^256 − n) where 2^256 − n = Nc0 + Nc1·2^64 + 2^128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Fold(ulong l0, ulong l1, ulong l2, ulong l3, ulong h0, ulong h1, ulong h2, ulong h3,
        out ulong m0, out ulong m1, out ulong m2, out ulong m3, out ulong m4, out ulong m5, out ulong m6)
    {
        ulong c = 0;
        m0 = MulAddCarry(h0, Nc0, l0, ref c);
        m1 = MulAddCarry(h1, Nc0, l1, ref c);
        m2 = MulAddCarry(h2, Nc0, l2, ref c);
        m3 = MulAddCarry(h3, Nc0, l3, ref c);
        m4 = c;
        c = 0;
        m1 = MulAddCarry(h0, Nc1, m1, ref c);
        m2 = MulAddCarry(h1, Nc1, m2, ref c);
        m3 = MulAddCarry(h2, Nc1, m3, ref c);
        m4 = MulAddCarry(h3, Nc1, m4, ref c);
        m5 = c;
        c = 0;
        m2 = AddCarry(m2, h0, ref c);
        m3 = AddCarry(m3, h1, ref c);
        m4 = AddCarry(m4, h2, ref c);
        m5 = AddCarry(m5, h3, ref c);
        m6 = c;
    }

    /// <summary>a^(n−2) = a^−1 (0 for a = 0), 4-bit fixed window.</summary>
    [SkipLocalsInit]
    public static void Invert(in Scalar a, out Scalar r)
    {
        Span<Scalar> pow = stackalloc Scalar[16];
        pow[0] = One;
        pow[1] = a;
        for (var i = 2; i < 16; i++)
            Mul(pow[i - 1], a, out pow[i]);
        // n − 2, top nibble first; the top 15 nibbles are all F, so start from a^15 and skip their squarings.
        ReadOnlySpan<ulong> e = [N0 - 2, N1, N2, N3];
        var acc = pow[15];
        for (var limb = 3; limb >= 0; limb--)
        {
            for (var shift = limb == 3 ? 56 : 60; shift >= 0; shift -= 4)
            {
                Mul(acc, acc, out acc);
                Mul(acc, acc, out acc);
                Mul(acc, acc, out acc);
                Mul(acc, acc, out acc);
                var nibble = (int)((e[limb] >> shift) & 15);
                if (nibble != 0)
                    Mul(acc, pow[nibble], out acc);
            }
        }
        r = acc;
    }
}
