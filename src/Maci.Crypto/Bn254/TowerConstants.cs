using System.Numerics;

namespace Maci.Crypto.Bn254;

/// <summary>Frobenius and twist constants, derived once from their definitions.</summary>
internal sealed class TowerConstants
{
    /// <summary>The BN parameter u (positive, 63 bits).</summary>
    public const ulong U = 0x44e992b44a6909f1UL;

    public static TowerConstants Instance { get; } = new();

    private readonly Fp2[] _frob1, _frob2, _frob3;

    /// <summary>ξ^(k(p^j − 1)/6) for k = 0..5.</summary>
    public ReadOnlySpan<Fp2> Frob1 => _frob1;

    public ReadOnlySpan<Fp2> Frob2 => _frob2;

    public ReadOnlySpan<Fp2> Frob3 => _frob3;

    /// <summary>b' = 3/ξ, the constant of the twist y² = x³ + b'.</summary>
    public readonly Fp2 TwistB;

    /// <summary>Twisted Frobenius π(x, y) = (conj(x)·ξ^((p−1)/3), conj(y)·ξ^((p−1)/2)).</summary>
    public readonly Fp2 PsiX, PsiY;

    /// <summary>π²(x, y) = (x·ξ^((p²−1)/3), y·ξ^((p²−1)/2)).</summary>
    public readonly Fp2 Psi2X, Psi2Y;

    private TowerConstants()
    {
        var p = Fp.Modulus;
        var xi = Fp2.Xi;
        _frob1 = Gammas(xi, p - 1);
        _frob2 = Gammas(xi, p * p - 1);
        _frob3 = Gammas(xi, p * p * p - 1);
        Fp2.Inverse(xi, out var xiInv);
        TwistB = new Fp2(Fp.FromUInt64(3), Fp.Zero) * xiInv;
        PsiX = Frob1[2];
        PsiY = Frob1[3];
        Psi2X = Frob2[2];
        Psi2Y = Frob2[3];
    }

    private static Fp2[] Gammas(in Fp2 xi, BigInteger pjMinus1)
    {
        var g = new Fp2[6];
        for (int k = 0; k < 6; k++)
            Fp2.Pow(xi, Limbs(k * pjMinus1 / 6), out g[k]);
        return g;
    }

    internal static ulong[] Limbs(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }
}
