using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

public sealed class TowerTests
{
    private static readonly BigInteger P = Fp.Modulus;

    [Fact]
    public void Fp2_arithmetic_matches_complex_arithmetic_mod_p()
    {
        var rv = new RandomValues(1);
        for (int i = 0; i < 30; i++)
        {
            BigInteger a0 = rv.Below(P), a1 = rv.Below(P), b0 = rv.Below(P), b1 = rv.Below(P);
            var a = new Fp2(Fp.FromBigInteger(a0), Fp.FromBigInteger(a1));
            var b = new Fp2(Fp.FromBigInteger(b0), Fp.FromBigInteger(b1));
            var m = a * b;
            Assert.Equal(Mod(a0 * b0 - a1 * b1), m.C0.ToBigInteger());
            Assert.Equal(Mod(a0 * b1 + a1 * b0), m.C1.ToBigInteger());
            Fp2.Square(a, out var sq);
            Assert.Equal(a * a, sq);
            Fp2.MulByNonResidue(a, out var xi);
            Assert.Equal(a * Fp2.Xi, xi);
            Fp2.Inverse(a, out var inv);
            Assert.Equal(Fp2.One, a * inv);
            Assert.True(Fp2.Sqrt(sq, out var root));
            Fp2.Square(root, out var back);
            Assert.Equal(sq, back);
        }
        Fp2.Inverse(Fp2.Zero, out var z);
        Assert.True(z.IsZero);
    }

    [Fact]
    public void Fp2_multiplication_is_exact_at_edge_values()
    {
        BigInteger[] edges = [0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 253];
        foreach (var a0 in edges)
            foreach (var a1 in edges)
                foreach (var (b0, b1) in new[] { (P - 1, P - 1), (1, P - 1), (P - 1, 0), ((P + 1) / 2, (P + 1) / 2) })
                {
                    var a = new Fp2(Fp.FromBigInteger(a0), Fp.FromBigInteger(a1));
                    var b = new Fp2(Fp.FromBigInteger(b0), Fp.FromBigInteger(b1));
                    var m = a * b;
                    Assert.Equal(Mod(a0 * b0 - a1 * b1), m.C0.ToBigInteger());
                    Assert.Equal(Mod(a0 * b1 + a1 * b0), m.C1.ToBigInteger());
                    var x = a;
                    Fp2.Mul(x, b, out x); // output aliasing an input
                    Assert.Equal(m, x);
                }
    }

    [Fact]
    public void Fp2_sqrt_rejects_non_squares()
    {
        var rv = new RandomValues(2);
        int rejected = 0;
        for (int i = 0; i < 20; i++)
        {
            var a = rv.NextFp2();
            // a is a square in Fp2 iff its norm is a square in Fp.
            var norm = a.C0 * a.C0 + a.C1 * a.C1;
            bool square = Fp.Sqrt(norm, out _);
            Assert.Equal(square, Fp2.Sqrt(a, out var r));
            if (square) { Fp2.Square(r, out var r2); Assert.Equal(a, r2); }
            else rejected++;
        }
        Assert.True(rejected > 0);
    }

    [Fact]
    public void Fp6_and_Fp12_ring_laws_and_inverses()
    {
        var rv = new RandomValues(3);
        for (int i = 0; i < 5; i++)
        {
            Fp6 a = rv.NextFp6(), b = rv.NextFp6(), c = rv.NextFp6();
            Fp6.Mul(a, b, out var ab); Fp6.Mul(b, a, out var ba);
            Assert.Equal(ab, ba);
            Fp6.Mul(ab, c, out var abc1); Fp6.Mul(b, c, out var bc); Fp6.Mul(a, bc, out var abc2);
            Assert.Equal(abc1, abc2);
            Fp6.Add(b, c, out var bpc); Fp6.Mul(a, bpc, out var l); Fp6.Mul(a, c, out var ac); Fp6.Add(ab, ac, out var rr);
            Assert.Equal(rr, l);
            Fp6.Square(a, out var sq); Fp6.Mul(a, a, out var aa);
            Assert.Equal(aa, sq);
            Fp6.Inverse(a, out var inv); Fp6.Mul(a, inv, out var one);
            Assert.Equal(Fp6.One, one);
            Fp6.MulBy01(a, b.B0, b.B1, out var sparse);
            Fp6.Mul(a, new Fp6(b.B0, b.B1, Fp2.Zero), out var full);
            Assert.Equal(full, sparse);
            // v³ = ξ
            var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
            Fp6.Mul(v, v, out var v2); Fp6.Mul(v2, v, out var v3);
            Assert.Equal(new Fp6(Fp2.Xi, Fp2.Zero, Fp2.Zero), v3);
            Fp6.MulByNonResidue(a, out var av); Fp6.Mul(a, v, out var av2);
            Assert.Equal(av2, av);

            Fp12 x = rv.NextFp12(), y = rv.NextFp12(), z = rv.NextFp12();
            Assert.Equal(x * y, y * x);
            Assert.Equal((x * y) * z, x * (y * z));
            Fp12.Square(x, out var xsq);
            Assert.Equal(x * x, xsq);
            Fp12.Inverse(x, out var xinv);
            Assert.True((x * xinv).IsOne);
            Fp12.MulBy034(x, y.C0.B0, y.C1.B0, y.C1.B1, out var s034);
            Assert.Equal(x * new Fp12(new Fp6(y.C0.B0, Fp2.Zero, Fp2.Zero), new Fp6(y.C1.B0, y.C1.B1, Fp2.Zero)), s034);
            Fp12.MulBy134(x, y.C1.B0, y.C1.B1, out var s134);
            Assert.Equal(x * new Fp12(Fp6.One, new Fp6(y.C1.B0, y.C1.B1, Fp2.Zero)), s134);
        }
    }

    [Fact]
    public void Frobenius_maps_equal_powers_of_p()
    {
        var rv = new RandomValues(4);
        var x = rv.NextFp12();
        var pj = BigInteger.One;
        for (int j = 1; j <= 3; j++)
        {
            pj *= P;
            Fp12.Pow(x, RandomValues.Limbs(pj), out var expected);
            Fp12.Frobenius(x, j, out var actual);
            Assert.Equal(expected, actual);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => Fp12.Frobenius(x, 4, out _));
    }

    [Fact]
    public void Cyclotomic_squaring_and_exponentiation_match_generic_ones()
    {
        var rv = new RandomValues(5);
        var x = rv.NextFp12();
        // Move x into the cyclotomic subgroup with the easy part of the final exponentiation.
        Fp12.Conjugate(x, out var c); Fp12.Inverse(x, out var inv);
        var t = c * inv;
        Fp12.Frobenius(t, 2, out var t2);
        t = t2 * t;
        Fp12.CyclotomicSquare(t, out var cs);
        Fp12.Square(t, out var gs);
        Assert.Equal(gs, cs);
        Fp12.CyclotomicExpByU(t, out var eu);
        Fp12.Pow(t, [0x44e992b44a6909f1UL], out var pu);
        Assert.Equal(pu, eu);
    }

    [Fact]
    public void Final_exponentiation_equals_the_naive_power()
    {
        var rv = new RandomValues(6);
        var x = rv.NextFp12();
        var e = (BigInteger.Pow(P, 12) - 1) / Fr.Modulus;
        Fp12.Pow(x, RandomValues.Limbs(e), out var expected);
        Assert.Equal(expected, Pairing.FinalExponentiation(x));
    }

    private static BigInteger Mod(BigInteger v) => ((v % P) + P) % P;
}
