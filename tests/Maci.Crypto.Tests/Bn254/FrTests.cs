using System.Numerics;
using Maci.Crypto.Bn254;

namespace Maci.Crypto.Tests.Bn254;

/// <summary>Checks <see cref="Fr"/> against a BigInteger oracle (the shared cases live in the base class).</summary>
public sealed class FrTests : PrimeFieldTests<Fr, FrOps>
{
    private static readonly BigInteger Q = Fr.Modulus;

    private static BigInteger Mod(BigInteger v) => ((v % Q) + Q) % Q;

    private static List<BigInteger> Samples()
    {
        var rng = new Random(4321);
        var list = new List<BigInteger> { 0, 1, 2, Q - 1, Q - 2, (Q - 1) / 2, ulong.MaxValue, BigInteger.One << 128 };
        Span<byte> b = stackalloc byte[32];
        for (int i = 0; i < 40; i++)
        {
            rng.NextBytes(b);
            list.Add(new BigInteger(b, isUnsigned: true) % Q);
        }
        return list;
    }

    [Fact]
    public void SumOfProducts_matches_the_BigInteger_oracle_up_to_the_largest_values()
    {
        var s = Samples();
        var rng = new Random(7);
        for (int n = 1; n <= Fr.MaxSumOfProductsTerms; n++)
        {
            // All-maximal terms give the largest unreduced sum; then random and edge samples.
            for (int round = 0; round < 20; round++)
            {
                var a = new Fr[n];
                var b = new Fr[n];
                BigInteger expected = 0;
                for (int i = 0; i < n; i++)
                {
                    BigInteger x = round == 0 ? Q - 1 : s[rng.Next(s.Count)], y = round == 0 ? Q - 1 : s[rng.Next(s.Count)];
                    a[i] = Fr.FromBigInteger(x);
                    b[i] = Fr.FromBigInteger(y);
                    expected += x * y;
                }
                Fr.SumOfProducts(a, b, out var got);
                Assert.Equal(Mod(expected), got.ToBigInteger());
            }
        }
    }

    [Fact]
    public void SumOfProducts_rejects_bad_lengths()
    {
        var eleven = new Fr[Fr.MaxSumOfProductsTerms + 1];
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts(eleven, eleven, out _));
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts(new Fr[2], new Fr[3], out _));
        Assert.Throws<ArgumentException>(() => Fr.SumOfProducts([], [], out _));
    }
}
