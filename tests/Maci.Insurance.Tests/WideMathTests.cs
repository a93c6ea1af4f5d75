using System.Numerics;
using Maci.Modules.Insurance.Types;

namespace Maci.Insurance.Tests;

public class WideMathTests
{
    private static UInt128 RandomAmount(Random rng)
    {
        var bits = rng.Next(1, 129);
        var v = ((UInt128)(ulong)rng.NextInt64() << 64 | (ulong)rng.NextInt64()) | ((UInt128)(ulong)rng.Next() << 100);
        return bits == 128 ? v : v & ((UInt128.One << bits) - 1);
    }

    [Fact]
    public void MulDivFloor_matches_the_BigInteger_oracle()
    {
        var rng = new Random(7);
        for (var i = 0; i < 5000; i++)
        {
            var a = RandomAmount(rng);
            var b = (ulong)rng.NextInt64() >> rng.Next(0, 64);
            var c = Math.Max(1UL, (ulong)rng.NextInt64() >> rng.Next(0, 64));
            var expected = (BigInteger)a * b / c;
            if (expected > (BigInteger)UInt128.MaxValue)
                Assert.Throws<OverflowException>(() => WideMath.MulDivFloor(a, b, c));
            else
                Assert.Equal(expected, (BigInteger)WideMath.MulDivFloor(a, b, c));
        }
    }

    [Fact]
    public void CompareProducts_matches_the_BigInteger_oracle()
    {
        var rng = new Random(11);
        for (var i = 0; i < 5000; i++)
        {
            var a = RandomAmount(rng);
            var c = i % 3 == 0 ? a : RandomAmount(rng);
            var b = (ulong)rng.NextInt64();
            var d = i % 5 == 0 ? b : (ulong)rng.NextInt64();
            var expected = ((BigInteger)a * b).CompareTo((BigInteger)c * d);
            Assert.Equal(Math.Sign(expected), Math.Sign(WideMath.CompareProducts(a, b, c, d)));
        }
    }

    [Fact]
    public void Extremes_do_not_overflow_when_the_ratio_is_at_most_one()
    {
        Assert.Equal(UInt128.MaxValue, WideMath.MulDivFloor(UInt128.MaxValue, ulong.MaxValue, ulong.MaxValue));
        Assert.Equal(UInt128.MaxValue / 2, WideMath.MulDivFloor(UInt128.MaxValue, 1, 2));
        Assert.Throws<DivideByZeroException>(() => WideMath.MulDivFloor(1, 1, 0));
        Assert.Throws<OverflowException>(() => WideMath.MulDivFloor(UInt128.MaxValue, 2, 1));
    }

    [Fact]
    public void Loss_ratio_coverage_rounds_down_and_never_exceeds_the_available_deposit()
    {
        var r = new LossRatio(3, 7);
        Assert.Equal((UInt128)23, r.CoverageFor(10)); // 70/3 = 23.33
        Assert.Equal((UInt128)4, r.MaxPremiumFor(10)); // 30/7 = 4.28
        Assert.True(r.Allows(4, 10));
        Assert.False(r.Allows(5, 10));
        Assert.True(r.CoverageFor(4) <= 10);
    }
}
