using System.Globalization;
using System.Numerics;
using Maci.Crypto.Cosmos.Secp256k1Math;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>Field (mod p) and scalar (mod n) arithmetic of Secp256k1Math against System.Numerics.BigInteger.</summary>
public sealed class Secp256k1MathTests
{
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", NumberStyles.HexNumber);
    private static readonly BigInteger N = Secp256k1Tests.N;
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    [Fact]
    public void FieldOperationsMatchBigInteger()
    {
        foreach (var (a, b) in Pairs(P, 300))
        {
            var fa = Fe(a);
            var fb = Fe(b);
            FieldElement.Add(fa, fb, out var sum);
            FieldElement.Sub(fa, fb, out var diff);
            FieldElement.Mul(fa, fb, out var prod);
            FieldElement.Sqr(fa, out var sq);
            FieldElement.Negate(fa, out var neg);
            FieldElement.MulSmall(fa, 8, out var times8);
            Assert.Equal((a + b) % P, Big(sum));
            Assert.Equal(Mod(a - b, P), Big(diff));
            Assert.Equal(a * b % P, Big(prod));
            Assert.Equal(a * a % P, Big(sq));
            Assert.Equal(Mod(-a, P), Big(neg));
            Assert.Equal(a * 8 % P, Big(times8));
        }
    }

    [Fact]
    public void FieldReductionHandlesItsRareCorrections()
    {
        // t + top·2^256 with t near 2^256 and p: the wrap-around and the final "t ≥ p" subtraction.
        BigInteger[] ts = [0, 1, P - 1, P, P + 1, P + 5, Two256 - 1, Two256 - 2, Two256 - (BigInteger.One << 66), P - (BigInteger.One << 67)];
        ulong[] tops = [0, 1, 2, 3, 0xFFFFFFFF, (1UL << 34) - 1, (1UL << 62) + 12345];
        foreach (var t in ts)
            foreach (var top in tops)
            {
                var limbs = new ulong[4];
                for (var i = 0; i < 4; i++)
                    limbs[i] = (ulong)((t >> (64 * i)) & ulong.MaxValue);
                FieldElement.ReduceSmallTop(limbs[0], limbs[1], limbs[2], limbs[3], top, out var r);
                Assert.Equal((t + ((BigInteger)top << 256)) % P, Big(r));
            }
    }

    [Fact]
    public void FieldInverseAndSquareRootMatchBigInteger()
    {
        foreach (var (a, _) in Pairs(P, 40))
        {
            FieldElement.Invert(Fe(a), out var inv);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P), Big(inv));
            var isSquare = a.IsZero || BigInteger.ModPow(a, (P - 1) / 2, P).IsOne;
            Assert.Equal(isSquare, FieldElement.TrySqrt(Fe(a), out var root));
            if (isSquare)
                Assert.Equal(a, Big(root) * Big(root) % P);
        }
    }

    [Fact]
    public void FieldBytesRejectValuesFromP()
    {
        foreach (var v in new[] { P - 1, P, P + 1, Two256 - 1 })
        {
            var ok = FieldElement.TryFromBytes(Secp256k1Tests.ToFixed32(v), out var fe);
            Assert.Equal(v < P, ok);
            if (ok)
            {
                var back = new byte[32];
                fe.WriteBytes(back);
                Assert.Equal(Secp256k1Tests.ToFixed32(v), back);
            }
        }
    }

    [Fact]
    public void ScalarOperationsMatchBigInteger()
    {
        foreach (var (a, b) in Pairs(N, 300))
        {
            var sa = Sc(a);
            var sb = Sc(b);
            Scalar.Add(sa, sb, out var sum);
            Scalar.Mul(sa, sb, out var prod);
            Scalar.Negate(sa, out var neg);
            Assert.Equal((a + b) % N, Big(sum));
            Assert.Equal(a * b % N, Big(prod));
            Assert.Equal(Mod(-a, N), Big(neg));
            Assert.Equal(a > N / 2, sa.IsHigh);
        }
        foreach (var (a, _) in Pairs(N, 30))
        {
            Scalar.Invert(Sc(a), out var inv);
            Scalar.InvertVar(Sc(a), out var invVar);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, N - 2, N), Big(inv));
            Assert.Equal(Big(inv), Big(invVar));
        }
    }

    [Fact]
    public void ScalarBytesReduceOrRejectFromN()
    {
        foreach (var v in new[] { BigInteger.Zero, N - 1, N, N + 1, Two256 - 1 })
        {
            var bytes = Secp256k1Tests.ToFixed32(v);
            Assert.Equal(v < N, Scalar.TryFromBytes(bytes, out _));
            Assert.Equal(v % N, Big(Scalar.FromBytesReduced(bytes)));
        }
        Assert.False(Sc(N / 2).IsHigh);
        Assert.True(Sc(N / 2 + 1).IsHigh);
    }

    [Fact]
    public void WnafReconstructsTheScalar()
    {
        Span<sbyte> naf = stackalloc sbyte[Scalar.WnafLength];
        Assert.Throws<ArgumentOutOfRangeException>(() => Sc(5).ToWnaf(new sbyte[Scalar.WnafLength], 9));
        foreach (var w in new[] { 2, 4, 5, 8 })
            foreach (var (a, _) in Pairs(N, 60))
            {
                var length = Sc(a).ToWnaf(naf, w);
                var sum = BigInteger.Zero;
                var lastNonZero = -w;
                for (var i = 0; i < Scalar.WnafLength; i++)
                {
                    if (naf[i] == 0) continue;
                    Assert.True(i < length);
                    Assert.True((naf[i] & 1) == 1 && Math.Abs((int)naf[i]) < 1 << (w - 1), $"digit {naf[i]}");
                    Assert.True(i - lastNonZero >= w, "non-zero digits closer than w");
                    lastNonZero = i;
                    sum += (BigInteger)naf[i] << i;
                }
                Assert.Equal(a, sum);
            }
    }

    [Fact]
    public void GlvSplitIsShortAndRecombines()
    {
        var lambda = Big(Scalar.Lambda);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(lambda, 3, N));
        foreach (var (k, _) in Pairs(N, 300))
        {
            Scalar.SplitLambda(Sc(k), out var k1, out var k2);
            Assert.Equal(k, (Big(k1) + Big(k2) * lambda) % N);
            Assert.True(Signed(Big(k1)) < BigInteger.One << 129, $"k1 too long for {k:x}");
            Assert.True(Signed(Big(k2)) < BigInteger.One << 129, $"k2 too long for {k:x}");
        }
    }

    [Fact]
    public void EndomorphismMapsGToLambdaG()
    {
        // λ·G computed by the comb equals (β·Gx, Gy).
        Maci.Crypto.Cosmos.Secp256k1Math.EcdsaSigner.MulGenerator(Scalar.Lambda, out var lg);
        Assert.True(lg.TryToAffine(out var affine));
        FieldElement.Mul(AffinePoint.Generator.X, GeneratorTables.Beta, out var bx);
        Assert.Equal(Big(bx), Big(affine.X));
        Assert.Equal(Big(AffinePoint.Generator.Y), Big(affine.Y));
        Assert.All(GeneratorTables.OddMultiples, p => Assert.True(p.IsOnCurve()));
        Assert.All(GeneratorTables.OddMultiplesLambda, p => Assert.True(p.IsOnCurve()));
        Assert.All(GeneratorTables.Comb, p => Assert.True(p.IsOnCurve()));
    }

    /// <summary>Random pairs below the modulus plus the edge values 0, 1, m − 1, m − 2, 2^128 and 2^255 (when below m).</summary>
    private static IEnumerable<(BigInteger, BigInteger)> Pairs(BigInteger modulus, int randomCount)
    {
        BigInteger[] edges = [0, 1, 2, modulus - 1, modulus - 2, modulus / 2, BigInteger.One << 128, (BigInteger.One << 255) % modulus, (BigInteger.One << 64) - 1];
        foreach (var a in edges)
            foreach (var b in edges)
                yield return (a, b);
        var rng = new Random(256);
        var buffer = new byte[32];
        for (var i = 0; i < randomCount; i++)
        {
            rng.NextBytes(buffer);
            var a = new BigInteger(buffer, isUnsigned: true) % modulus;
            rng.NextBytes(buffer);
            yield return (a, new BigInteger(buffer, isUnsigned: true) % modulus);
        }
    }

    private static BigInteger Signed(BigInteger v) => v > N / 2 ? N - v : v;

    private static BigInteger Mod(BigInteger v, BigInteger m) => ((v % m) + m) % m;

    private static FieldElement Fe(BigInteger v)
    {
        Assert.True(FieldElement.TryFromBytes(Secp256k1Tests.ToFixed32(v), out var fe));
        return fe;
    }

    private static Scalar Sc(BigInteger v)
    {
        Assert.True(Scalar.TryFromBytes(Secp256k1Tests.ToFixed32(v), out var s));
        return s;
    }

    private static BigInteger Big(in FieldElement f) => Limbs(f.L0, f.L1, f.L2, f.L3);

    private static BigInteger Big(in Scalar s) => Limbs(s.L0, s.L1, s.L2, s.L3);

    private static BigInteger Limbs(ulong l0, ulong l1, ulong l2, ulong l3) =>
        l0 + ((BigInteger)l1 << 64) + ((BigInteger)l2 << 128) + ((BigInteger)l3 << 192);
}
