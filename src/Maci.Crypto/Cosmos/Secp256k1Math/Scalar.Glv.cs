namespace Maci.Crypto.Cosmos.Secp256k1Math;

internal readonly partial struct Scalar
{
    /// <summary>λ: a cube root of 1 mod n with λ·(x, y) = (β·x, y) on secp256k1.</summary>
    internal static readonly Scalar Lambda = new(0xDF02967C1B23BD72UL, 0x122E22EA20816678UL, 0xA5261C028812645AUL, 0x5363AD4CC05C30E0UL);

    // Lattice basis of {(a, b) : a + b·λ ≡ 0 mod n}: (a1, b1), (a2, b2) with b2 = a1; g_i = round(2^384·|b_j| / n).
    private static readonly Scalar G1 = new(0xE893209A45DBB031UL, 0x3DAA8A1471E8CA7FUL, 0xE86C90E49284EB15UL, 0x3086D221A7D46BCDUL);
    private static readonly Scalar G2 = new(0x1571B4AE8AC47F71UL, 0x221208AC9DF506C6UL, 0x6F547FA90ABFE4C4UL, 0xE4437ED6010E8828UL);
    private static readonly Scalar MinusB1 = new(0x6F547FA90ABFE4C3UL, 0xE4437ED6010E8828UL, 0, 0);
    private static readonly Scalar MinusB2 = new(0xD765CDA83DB1562CUL, 0x8A280AC50774346DUL, 0xFFFFFFFFFFFFFFFEUL, ulong.MaxValue);

    /// <summary>
    /// GLV split: k ≡ k1 + k2·λ (mod n) with k1, k2 as "signed" scalars of at most 128 bits in absolute value
    /// (a value above n/2 stands for a negative one; callers negate it and the point instead).
    /// </summary>
    public static void SplitLambda(in Scalar k, out Scalar k1, out Scalar k2)
    {
        MulShift384(k, G1, out var c1);
        MulShift384(k, G2, out var c2);
        Mul(c1, MinusB1, out var t1);
        Mul(c2, MinusB2, out var t2);
        Add(t1, t2, out k2);
        Mul(k2, Lambda, out var t3);
        Negate(t3, out t3);
        Add(k, t3, out k1);
    }

    /// <summary>round(a·b / 2^384).</summary>
    private static void MulShift384(in Scalar a, in Scalar b, out Scalar r)
    {
        Mul512(a, b, out _, out _, out _, out _, out _, out var x5, out var x6, out var x7);
        var round = x5 >> 63;
        ulong carry = 0;
        x6 = FieldElement.AddCarry(x6, round, ref carry);
        x7 += carry;
        r = new Scalar(x6, x7, 0, 0);
    }
}
