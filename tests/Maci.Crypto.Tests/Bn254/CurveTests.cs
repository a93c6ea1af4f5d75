using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

public sealed class CurveTests
{
    private static readonly BigInteger R = Fr.Modulus;

    [Fact]
    public void G1_generator_has_order_r_and_scalar_multiplication_is_linear()
    {
        var g = G1Affine.Generator;
        Assert.True(g.IsOnCurve);
        Assert.True(RandomValues.G1Mul(g, R).IsInfinity);
        Assert.Equal(-g, RandomValues.G1Mul(g, R - 1));
        var rv = new RandomValues(7);
        for (int i = 0; i < 5; i++)
        {
            BigInteger a = rv.Below(R), b = rv.Below(R);
            var pa = RandomValues.G1Mul(g, a);
            var pb = RandomValues.G1Mul(g, b);
            Assert.True(pa.IsOnCurve);
            G1Jacobian.AddMixed(G1Jacobian.FromAffine(pa), pb, out var sum);
            Assert.Equal(RandomValues.G1Mul(g, (a + b) % R), sum.ToAffine());
            G1Jacobian.Add(G1Jacobian.FromAffine(pa), G1Jacobian.FromAffine(pb), out var sum2);
            Assert.True(G1Jacobian.PointEquals(sum, sum2));
            G1Jacobian.Multiply(g, Fr.FromBigInteger(a), out var viaFr);
            Assert.Equal(pa, viaFr.ToAffine());
        }
    }

    [Fact]
    public void G1_addition_handles_doubling_inverse_and_infinity()
    {
        var g = G1Affine.Generator;
        var jg = G1Jacobian.FromAffine(g);
        G1Jacobian.AddMixed(jg, g, out var dbl);
        Assert.Equal(RandomValues.G1Mul(g, 2), dbl.ToAffine());
        G1Jacobian.AddMixed(jg, -g, out var inf);
        Assert.True(inf.IsInfinity);
        G1Jacobian.Add(jg, G1Jacobian.FromAffine(-g), out inf);
        Assert.True(inf.IsInfinity);
        G1Jacobian.AddMixed(G1Jacobian.Infinity, g, out var back);
        Assert.Equal(g, back.ToAffine());
        Assert.True(G1Affine.Infinity.IsOnCurve);
        Assert.False(new G1Affine(Fp.One, Fp.One).IsOnCurve);
    }

    [Fact]
    public void G2_generator_is_on_the_twist_in_the_subgroup_and_has_order_r()
    {
        var g = G2Affine.Generator;
        Assert.True(g.IsOnCurve);
        Assert.True(g.IsInSubgroup);
        Assert.True(RandomValues.G2Mul(g, R).IsInfinity);
        var rv = new RandomValues(8);
        BigInteger a = rv.Below(R), b = rv.Below(R);
        var pa = RandomValues.G2Mul(g, a);
        var pb = RandomValues.G2Mul(g, b);
        G2Jacobian.AddMixed(G2Jacobian.FromAffine(pa), pb, out var sum);
        Assert.Equal(RandomValues.G2Mul(g, (a + b) % R), sum.ToAffine());
        Assert.True(pa.IsInSubgroup);
    }

    [Fact]
    public void G2_fast_subgroup_check_agrees_with_multiplying_by_r()
    {
        var rv = new RandomValues(9);
        var cofactor = BigInteger.Parse("21888242871839275222246405745257275088844257914179612981679871602714643921549");
        for (int i = 0; i < 10; i++)
        {
            var q = rv.NextTwistPoint();
            Assert.True(q.IsOnCurve);
            bool naive = RandomValues.G2Mul(q, R).IsInfinity;
            Assert.False(naive);
            Assert.Equal(naive, q.IsInSubgroup);
            var cleared = RandomValues.G2Mul(q, cofactor);
            Assert.True(RandomValues.G2Mul(cleared, R).IsInfinity);
            Assert.True(cleared.IsInSubgroup);
            // A point of the cofactor part alone, and a G2 point shifted by it, are outside G2.
            var torsion = RandomValues.G2Mul(q, R);
            Assert.False(torsion.IsInfinity);
            Assert.False(torsion.IsInSubgroup);
            G2Jacobian.AddMixed(G2Jacobian.FromAffine(cleared), torsion, out var shifted);
            Assert.False(shifted.ToAffine().IsInSubgroup);
            Assert.False(RandomValues.G2Mul(shifted.ToAffine(), R).IsInfinity);
        }
    }

    [Fact]
    public void Psi_acts_on_G2_as_multiplication_by_p()
    {
        var g = RandomValues.G2Mul(G2Affine.Generator, 12345);
        Assert.Equal(RandomValues.G2Mul(g, Fp.Modulus % R), G2Affine.Psi(g));
        Assert.Equal(RandomValues.G2Mul(g, Fp.Modulus * Fp.Modulus % R), G2Affine.Psi2(g));
        G2Jacobian.Multiply(G2Affine.Generator, [12345UL], out var jac); // Z ≠ 1
        Assert.Equal(G2Affine.Psi(g), G2Jacobian.Psi(jac).ToAffine());
    }

    [Fact]
    public void Fixed_base_tables_agree_with_double_and_add()
    {
        var rv = new RandomValues(13);
        var p = RandomValues.G1Mul(G1Affine.Generator, rv.Below(R));
        var table = new G1FixedBase(p);
        var scalars = new List<Fr> { Fr.Zero, Fr.One, Fr.FromUInt64(15), Fr.FromUInt64(16), Fr.FromBigInteger(R - 1) };
        for (int i = 0; i < 8; i++) scalars.Add(rv.NextFr());
        foreach (var k in scalars)
        {
            table.Multiply(k, out var fast);
            G1Jacobian.Multiply(p, k, out var slow);
            Assert.True(G1Jacobian.PointEquals(fast, slow));
        }
        new G1FixedBase(G1Affine.Infinity).Multiply(Fr.FromUInt64(5), out var inf);
        Assert.True(inf.IsInfinity);
    }

    [Fact]
    public void Batch_affine_conversion_matches_single_conversion()
    {
        var rv = new RandomValues(14);
        var pts = new G1Jacobian[6];
        for (int i = 0; i < pts.Length; i++) G1Jacobian.Multiply(G1Affine.Generator, rv.NextFr(), out pts[i]);
        pts[3] = G1Jacobian.Infinity;
        var affine = new G1Affine[pts.Length];
        G1Jacobian.BatchToAffine(pts, affine);
        for (int i = 0; i < pts.Length; i++) Assert.Equal(pts[i].ToAffine(), affine[i]);
    }
}
