using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Deterministic pseudo-random field and group elements for tests.</summary>
internal sealed class RandomValues(int seed)
{
    private readonly Random _rng = new(seed);

    public static readonly BigInteger P = Fp.Modulus;
    public static readonly BigInteger R = Fr.Modulus;

    public BigInteger Below(BigInteger m)
    {
        var b = new byte[40];
        _rng.NextBytes(b);
        return new BigInteger(b, isUnsigned: true) % m;
    }

    public Fp NextFp() => Fp.FromBigInteger(Below(P));

    public Fr NextFr() => Fr.FromBigInteger(Below(R));

    public Fp2 NextFp2() => new(NextFp(), NextFp());

    public Fp6 NextFp6() => new(NextFp2(), NextFp2(), NextFp2());

    public Fp12 NextFp12() => new(NextFp6(), NextFp6());

    /// <summary>A point on the twist, generally outside G2.</summary>
    public G2Affine NextTwistPoint()
    {
        while (true)
        {
            var x = NextFp2();
            Fp2.Square(x, out var y2);
            Fp2.Mul(y2, x, out y2);
            var b = new Fp2(Fp.FromUInt64(3), Fp.Zero) * Inv(Fp2.Xi);
            Fp2.Add(y2, b, out y2);
            if (Fp2.Sqrt(y2, out var y)) return new G2Affine(x, y);
        }
    }

    public static Fp2 Inv(Fp2 a) { Fp2.Inverse(a, out var r); return r; }

    public static ulong[] Limbs(BigInteger v)
    {
        var bytes = v.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[Math.Max(1, (bytes.Length + 7) / 8)];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }

    public static G1Affine G1Mul(G1Affine p, BigInteger k)
    {
        G1Jacobian.Multiply(p, Limbs(k), out var r);
        return r.ToAffine();
    }

    public static G2Affine G2Mul(G2Affine p, BigInteger k)
    {
        G2Jacobian.Multiply(p, Limbs(k), out var r);
        return r.ToAffine();
    }
}
