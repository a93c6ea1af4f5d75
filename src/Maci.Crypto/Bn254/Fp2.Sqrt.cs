namespace Maci.Crypto.Bn254;

public readonly partial struct Fp2
{
    // (p − 3)/4 and (p − 1)/2 as little-endian limbs.
    private static ReadOnlySpan<ulong> PMinus3Over4 => [0x4f082305b61f3f51UL, 0x65e05aa45a1c72a3UL, 0x6e14116da0605617UL, 0x0c19139cb84c680aUL];
    private static ReadOnlySpan<ulong> PMinus1Over2 => [0x9e10460b6c3e7ea3UL, 0xcbc0b548b438e546UL, 0xdc2822db40c0ac2eUL, 0x183227397098d014UL];

    /// <summary>A square root (p ≡ 3 mod 4 method of Adj and Rodríguez-Henríquez); false for a non-square.</summary>
    public static bool Sqrt(in Fp2 a, out Fp2 r)
    {
        if (a.IsZero) { r = default; return true; }
        Pow(a, PMinus3Over4, out var a1);
        Square(a1, out var alpha);
        Mul(alpha, a, out alpha);
        Conjugate(alpha, out var alphaP);
        Mul(alphaP, alpha, out var a0);
        var minusOne = -One;
        if (a0 == minusOne) { r = default; return false; }
        Mul(a1, a, out var x0);
        if (alpha == minusOne)
        {
            r = new Fp2(-x0.C1, x0.C0); // u·x0
        }
        else
        {
            Add(One, alpha, out var b);
            Pow(b, PMinus1Over2, out b);
            Mul(b, x0, out r);
        }
        Square(r, out var check);
        if (check != a) { r = default; return false; }
        return true;
    }
}
