namespace Maci.Crypto.Bn254;

public readonly partial struct Fp12
{
    /// <summary>a^(p^power) for power 1, 2 or 3.</summary>
    public static void Frobenius(in Fp12 a, int power, out Fp12 r)
    {
        var g = TowerConstants.Instance;
        ReadOnlySpan<Fp2> gamma = power switch
        {
            1 => g.Frob1,
            2 => g.Frob2,
            3 => g.Frob3,
            _ => throw new ArgumentOutOfRangeException(nameof(power), "power must be 1, 2 or 3"),
        };
        bool conj = (power & 1) == 1;
        // Coefficient of w^k is conjugated (odd powers) and multiplied by ξ^(k(p^power − 1)/6).
        Coef(a.C0.B0, gamma[0], conj, out var a0);
        Coef(a.C0.B1, gamma[2], conj, out var a1);
        Coef(a.C0.B2, gamma[4], conj, out var a2);
        Coef(a.C1.B0, gamma[1], conj, out var b0);
        Coef(a.C1.B1, gamma[3], conj, out var b1);
        Coef(a.C1.B2, gamma[5], conj, out var b2);
        r = new Fp12(new Fp6(a0, a1, a2), new Fp6(b0, b1, b2));
    }

    private static void Coef(in Fp2 c, in Fp2 gamma, bool conj, out Fp2 r)
    {
        if (conj)
        {
            Fp2.Conjugate(c, out var t);
            Fp2.Mul(t, gamma, out r);
        }
        else
        {
            Fp2.Mul(c, gamma, out r);
        }
    }

    /// <summary>
    /// Granger–Scott squaring, valid only for elements of the cyclotomic subgroup (after the easy part of the final
    /// exponentiation). Views Fp12 as Fp4[t]/(t³ − s) with Fp4 = Fp2[s]/(s² − ξ), t = w, s = w³.
    /// </summary>
    public static void CyclotomicSquare(in Fp12 a, out Fp12 r)
    {
        // g0 = a0 + b1·s, g1 = b0 + a2·s, g2 = a1 + b2·s.
        Fp4Square(a.C0.B0, a.C1.B1, out var a0sq, out var a1sq);
        Fp4Square(a.C1.B0, a.C0.B2, out var b0sq, out var b1sq);
        Fp4Square(a.C0.B1, a.C1.B2, out var c0sq, out var c1sq);

        // g0' = 3g0² − 2·conj(g0)
        Triple(a0sq, out var t); TwiceSub(t, a.C0.B0, out var n00);
        Triple(a1sq, out t); TwiceAdd(t, a.C1.B1, out var n01);
        // g1' = 3·s·g2² + 2·conj(g1), s·(x + y s) = ξy + x s
        Fp2.MulByNonResidue(c1sq, out var sx);
        Triple(sx, out t); TwiceAdd(t, a.C1.B0, out var n10);
        Triple(c0sq, out t); TwiceSub(t, a.C0.B2, out var n11);
        // g2' = 3g1² − 2·conj(g2)
        Triple(b0sq, out t); TwiceSub(t, a.C0.B1, out var n20);
        Triple(b1sq, out t); TwiceAdd(t, a.C1.B2, out var n21);

        r = new Fp12(new Fp6(n00, n20, n11), new Fp6(n10, n01, n21));
    }

    /// <summary>(x + y·s)² = (x² + ξy²) + 2xy·s.</summary>
    private static void Fp4Square(in Fp2 x, in Fp2 y, out Fp2 r0, out Fp2 r1)
    {
        Fp2.Square(x, out var x2);
        Fp2.Square(y, out var y2);
        Fp2.Add(x, y, out var s);
        Fp2.Square(s, out s);
        Fp2.Sub(s, x2, out s);
        Fp2.Sub(s, y2, out r1);
        Fp2.MulByNonResidue(y2, out var xy2);
        Fp2.Add(xy2, x2, out r0);
    }

    private static void Triple(in Fp2 a, out Fp2 r)
    {
        Fp2.Double(a, out var d);
        Fp2.Add(d, a, out r);
    }

    /// <summary>r = t − 2a.</summary>
    private static void TwiceSub(in Fp2 t, in Fp2 a, out Fp2 r)
    {
        Fp2.Double(a, out var d);
        Fp2.Sub(t, d, out r);
    }

    /// <summary>r = t + 2a.</summary>
    private static void TwiceAdd(in Fp2 t, in Fp2 a, out Fp2 r)
    {
        Fp2.Double(a, out var d);
        Fp2.Add(t, d, out r);
    }

    /// <summary>
    /// a^u for the BN parameter u = 0x44e992b44a6909f1, with cyclotomic squarings and the signed-digit form of u
    /// (24 non-zero digits instead of 28 bits; a^−1 is the conjugate). Valid only on the cyclotomic subgroup.
    /// </summary>
    public static void CyclotomicExpByU(in Fp12 a, out Fp12 r)
    {
        Conjugate(a, out var aInv);
        var naf = UNaf;
        var acc = a; // top digit is 1
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            CyclotomicSquare(acc, out acc);
            if (naf[i] == 1) Mul(acc, a, out acc);
            else if (naf[i] == -1) Mul(acc, aInv, out acc);
        }
        r = acc;
    }

    /// <summary>u in non-adjacent form, least significant digit first (63 digits).</summary>
    private static ReadOnlySpan<sbyte> UNaf =>
    [
        1, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, -1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, -1,
        0, -1, 0, -1, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, 0, 0, 1,
    ];
}
