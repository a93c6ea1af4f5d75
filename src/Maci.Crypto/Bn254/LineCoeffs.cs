namespace Maci.Crypto.Bn254;

/// <summary>
/// One Miller-loop line on the D-type twist, scaled so that its value at P = (xP, yP) is
/// A·yP + (B·xP)·w + C·w³ (a sparse Fp12 element; the dropped Fp2 factor is removed by the final exponentiation).
/// </summary>
internal readonly struct LineCoeffs(in Fp2 a, in Fp2 b, in Fp2 c)
{
    public readonly Fp2 A = a;
    public readonly Fp2 B = b;
    public readonly Fp2 C = c;
}
