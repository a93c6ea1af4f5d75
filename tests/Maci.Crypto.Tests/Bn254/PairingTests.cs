using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

public sealed class PairingTests
{
    private static readonly BigInteger R = Fr.Modulus;

    [Fact]
    public void Pairing_of_generators_is_a_non_trivial_r_th_root_of_unity()
    {
        var e = Pairing.Pair(G1Affine.Generator, G2Affine.Generator);
        Assert.False(e.IsOne);
        Fp12.Pow(e, RandomValues.Limbs(R), out var er);
        Assert.True(er.IsOne);
    }

    [Fact]
    public void Pairing_is_bilinear()
    {
        var rv = new RandomValues(10);
        BigInteger a = rv.Below(R), b = rv.Below(R);
        var p = G1Affine.Generator;
        var q = G2Affine.Generator;
        var eab = Pairing.Pair(RandomValues.G1Mul(p, a), RandomValues.G2Mul(q, b));
        Fp12.Pow(Pairing.Pair(p, q), RandomValues.Limbs(a * b % R), out var expected);
        Assert.Equal(expected, eab);
        Assert.Equal(Pairing.Pair(RandomValues.G1Mul(p, a * b % R), q), eab);
        Assert.Equal(Pairing.Pair(p, RandomValues.G2Mul(q, a * b % R)), eab);
    }

    [Fact]
    public void Product_with_the_negated_point_is_one()
    {
        var rv = new RandomValues(11);
        var p = RandomValues.G1Mul(G1Affine.Generator, rv.Below(R));
        var q = RandomValues.G2Mul(G2Affine.Generator, rv.Below(R));
        Assert.True(Pairing.Check([p, -p], [q, q]));
        Assert.True(Pairing.Check([p, p], [q, -q]));
        Assert.False(Pairing.Check([p, p], [q, q]));
        Assert.False(Pairing.Check([p], [q]));
    }

    [Fact]
    public void Multi_pairing_matches_a_product_of_single_pairings_and_prepared_points_agree()
    {
        var rv = new RandomValues(12);
        var ps = new G1Affine[3];
        var qs = new G2Affine[3];
        var product = Fp12.One;
        for (int i = 0; i < 3; i++)
        {
            ps[i] = RandomValues.G1Mul(G1Affine.Generator, rv.Below(R));
            qs[i] = RandomValues.G2Mul(G2Affine.Generator, rv.Below(R));
            product *= Pairing.Pair(ps[i], qs[i]);
        }
        Assert.Equal(product, Pairing.FinalExponentiation(Pairing.MillerLoop(ps, qs)));
        var prepared = qs.Select(q => new G2Prepared(q)).ToArray();
        Assert.Equal(product, Pairing.FinalExponentiation(Pairing.MillerLoop([], [], ps, prepared)));
        Assert.Equal(product, Pairing.FinalExponentiation(Pairing.MillerLoop(ps[..1], qs[..1], ps[1..], prepared[1..])));
    }

    [Fact]
    public void Infinity_pairs_contribute_one_and_the_empty_product_is_one()
    {
        var q = G2Affine.Generator;
        var p = G1Affine.Generator;
        Assert.True(Pairing.Check([], []));
        Assert.True(Pairing.Check([G1Affine.Infinity], [q]));
        Assert.True(Pairing.Check([p], [G2Affine.Infinity]));
        Assert.True(Pairing.Check([], [], [G1Affine.Infinity, p], [new G2Prepared(q), new G2Prepared(G2Affine.Infinity)]));
        Assert.Equal(Pairing.Pair(p, q), Pairing.FinalExponentiation(Pairing.MillerLoop([p, G1Affine.Infinity], [q, q])));
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Pairing.Check([G1Affine.Generator], []));
    }
}
