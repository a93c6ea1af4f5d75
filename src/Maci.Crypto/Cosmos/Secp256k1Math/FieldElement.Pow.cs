namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct FieldElement
{
    /// <summary>a^(p−2) = a^−1 (0 for a = 0). Addition chain over runs of ones in p − 2.</summary>
    public static void Invert(in FieldElement a, out FieldElement r)
    {
        // p − 2 = [223 ones] 0 [22 ones] 0000 1 0 11 0 1 (from the top bit down).
        Ones223(a, out var x223, out var x22, out var x2);
        SqrN(x223, 23, out var t);
        Mul(t, x22, out t);
        SqrN(t, 5, out t);
        Mul(t, a, out t);
        SqrN(t, 3, out t);
        Mul(t, x2, out t);
        SqrN(t, 2, out t);
        Mul(t, a, out r);
    }

    /// <summary>
    /// Square root via a^((p+1)/4) (p ≡ 3 mod 4); false when a is not a square (r is then meaningless).
    /// </summary>
    public static bool TrySqrt(in FieldElement a, out FieldElement r)
    {
        // (p + 1) / 4 = [223 ones] 0 [22 ones] 0000 11 00.
        Ones223(a, out var x223, out var x22, out var x2);
        SqrN(x223, 23, out var t);
        Mul(t, x22, out t);
        SqrN(t, 6, out t);
        Mul(t, x2, out t);
        SqrN(t, 2, out r);
        Sqr(r, out var check);
        return Equal(check, a);
    }

    /// <summary>x_k = a^(2^k − 1) for k = 223, 22 and 2.</summary>
    private static void Ones223(in FieldElement a, out FieldElement x223, out FieldElement x22, out FieldElement x2)
    {
        Sqr(a, out x2);
        Mul(x2, a, out x2);
        Sqr(x2, out var x3);
        Mul(x3, a, out x3);
        SqrN(x3, 3, out var x6);
        Mul(x6, x3, out x6);
        SqrN(x6, 3, out var x9);
        Mul(x9, x3, out x9);
        SqrN(x9, 2, out var x11);
        Mul(x11, x2, out x11);
        SqrN(x11, 11, out x22);
        Mul(x22, x11, out x22);
        SqrN(x22, 22, out var x44);
        Mul(x44, x22, out x44);
        SqrN(x44, 44, out var x88);
        Mul(x88, x44, out x88);
        SqrN(x88, 88, out var x176);
        Mul(x176, x88, out x176);
        SqrN(x176, 44, out var x220);
        Mul(x220, x44, out x220);
        SqrN(x220, 3, out x223);
        Mul(x223, x3, out x223);
    }
}
