using static Maci.Crypto.Cosmos.Secp256k1Math.FieldElement;

namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct Scalar
{
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static void Mul(in Scalar a, in Scalar b, out Scalar r)
    {
        Span<ulong> x = stackalloc ulong[8];
        ulong c = 0;
        x[0] = MulAddCarry(a.L0, b.L0, 0, ref c);
        x[1] = MulAddCarry(a.L0, b.L1, 0, ref c);
        x[2] = MulAddCarry(a.L0, b.L2, 0, ref c);
        x[3] = MulAddCarry(a.L0, b.L3, 0, ref c);
        x[4] = c;
        c = 0;
        x[1] = MulAddCarry(a.L1, b.L0, x[1], ref c);
        x[2] = MulAddCarry(a.L1, b.L1, x[2], ref c);
        x[3] = MulAddCarry(a.L1, b.L2, x[3], ref c);
        x[4] = MulAddCarry(a.L1, b.L3, x[4], ref c);
        x[5] = c;
        c = 0;
        x[2] = MulAddCarry(a.L2, b.L0, x[2], ref c);
        x[3] = MulAddCarry(a.L2, b.L1, x[3], ref c);
        x[4] = MulAddCarry(a.L2, b.L2, x[4], ref c);
        x[5] = MulAddCarry(a.L2, b.L3, x[5], ref c);
        x[6] = c;
        c = 0;
        x[3] = MulAddCarry(a.L3, b.L0, x[3], ref c);
        x[4] = MulAddCarry(a.L3, b.L1, x[4], ref c);
        x[5] = MulAddCarry(a.L3, b.L2, x[5], ref c);
        x[6] = MulAddCarry(a.L3, b.L3, x[6], ref c);
        x[7] = c;
        Reduce512(x, out r);
    }

    /// <summary>Reduces an 8-limb value mod n by folding the part above 2^256 with 2^256 ≡ 2^256 − n.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    internal static void Reduce512(ReadOnlySpan<ulong> x, out Scalar r)
    {
        Span<ulong> y = stackalloc ulong[8];
        Fold(x, y);   // < 2^386
        Span<ulong> z = stackalloc ulong[8];
        Fold(y, z);   // < 2^260
        Fold(z, y);   // < 2^256 + 2^134
        ReduceOnce(y[0], y[1], y[2], y[3], y[4], out r);
    }

    /// <summary>dst = src[0..4] + src[4..8]·(2^256 − n).</summary>
    private static void Fold(ReadOnlySpan<ulong> src, Span<ulong> dst)
    {
        src[..4].CopyTo(dst);
        dst[4..].Clear();
        for (var i = 0; i < 4; i++)
        {
            var h = src[4 + i];
            if (h == 0)
                continue;
            ulong c = 0;
            dst[i] = MulAddCarry(h, Nc0, dst[i], ref c);
            dst[i + 1] = MulAddCarry(h, Nc1, dst[i + 1], ref c);
            dst[i + 2] = MulAddCarry(h, Nc2, dst[i + 2], ref c);
            for (var k = i + 3; c != 0 && k < 8; k++)
            {
                var s = dst[k] + c;
                c = s < c ? 1UL : 0UL;
                dst[k] = s;
            }
        }
    }

    /// <summary>a^(n−2) = a^−1 (0 for a = 0), 4-bit fixed window.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static void Invert(in Scalar a, out Scalar r)
    {
        Span<Scalar> pow = stackalloc Scalar[16];
        pow[0] = One;
        pow[1] = a;
        for (var i = 2; i < 16; i++)
            Mul(pow[i - 1], a, out pow[i]);
        // n − 2 as limbs, top nibble first.
        ReadOnlySpan<ulong> e = [N0 - 2, N1, N2, N3];
        var acc = One;
        for (var limb = 3; limb >= 0; limb--)
        {
            for (var shift = 60; shift >= 0; shift -= 4)
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
