namespace Maci.Crypto.Bn254;

public static partial class Pairing
{
    /// <summary>
    /// f^((p¹²−1)/r). Easy part f^((p⁶−1)(p²+1)); hard part (p⁴−p²+1)/r through the BN addition chain of Scott et al.
    /// ("On the final exponentiation for calculating pairings on ordinary elliptic curves", 2009), which yields
    /// exactly this power, using cyclotomic squarings and three exponentiations by u.
    /// </summary>
    public static Fp12 FinalExponentiation(in Fp12 f)
    {
        // Easy part.
        Fp12.Conjugate(f, out var t);
        Fp12.Inverse(f, out var inv);
        Fp12.Mul(t, inv, out t);
        Fp12.Frobenius(t, 2, out var t2);
        Fp12.Mul(t2, t, out t);

        // Hard part.
        Fp12.Frobenius(t, 1, out var fp);
        Fp12.Frobenius(t, 2, out var fp2);
        Fp12.Frobenius(t, 3, out var fp3);
        Fp12.CyclotomicExpByU(t, out var fu);
        Fp12.CyclotomicExpByU(fu, out var fu2);
        Fp12.CyclotomicExpByU(fu2, out var fu3);
        Fp12.Frobenius(fu, 1, out var y3);
        Fp12.Frobenius(fu2, 1, out var fu2p);
        Fp12.Frobenius(fu3, 1, out var fu3p);
        Fp12.Frobenius(fu2, 2, out var y2);

        Fp12.Mul(fp, fp2, out var y0);
        Fp12.Mul(y0, fp3, out y0);
        Fp12.Conjugate(t, out var y1);
        Fp12.Conjugate(fu2, out var y5);
        Fp12.Conjugate(y3, out y3);
        Fp12.Mul(fu, fu2p, out var y4);
        Fp12.Conjugate(y4, out y4);
        Fp12.Mul(fu3, fu3p, out var y6);
        Fp12.Conjugate(y6, out y6);

        Fp12.CyclotomicSquare(y6, out var t0);
        Fp12.Mul(t0, y4, out t0);
        Fp12.Mul(t0, y5, out t0);
        Fp12.Mul(y3, y5, out var t1);
        Fp12.Mul(t1, t0, out t1);
        Fp12.Mul(t0, y2, out t0);
        Fp12.CyclotomicSquare(t1, out t1);
        Fp12.Mul(t1, t0, out t1);
        Fp12.CyclotomicSquare(t1, out t1);
        Fp12.Mul(t1, y1, out t0);
        Fp12.Mul(t1, y0, out t1);
        Fp12.CyclotomicSquare(t0, out t0);
        Fp12.Mul(t0, t1, out t0);
        return t0;
    }
}
