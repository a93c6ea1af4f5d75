using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Tests;

public class CoinsTests
{
    [Theory]
    [InlineData("umaci", true)]
    [InlineData("ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", true)]
    [InlineData("ab", false)]
    [InlineData("1abc", false)]
    [InlineData("abc$", false)]
    [InlineData("", false)]
    public void Denom_validation_follows_the_sdk_rule(string denom, bool valid) => Assert.Equal(valid, Coin.IsValidDenom(denom));

    [Theory]
    [InlineData("0", true)]
    [InlineData("340282366920938463463374607431768211455", true)] // 2^128 - 1
    [InlineData("340282366920938463463374607431768211456", false)]
    [InlineData("-1", false)]
    [InlineData("1.5", false)]
    [InlineData("", false)]
    [InlineData("+3", false)]
    public void Amount_parsing_is_strict(string s, bool ok) => Assert.Equal(ok, Coin.TryParseAmount(s, out _));

    [Fact]
    public void Wire_coins_must_be_sorted_unique_and_positive()
    {
        Assert.Null(Coins.TryFromWire([("aaa", "1"), ("bbb", "2")], out var c));
        Assert.Equal("1aaa,2bbb", c.ToString());
        Assert.Contains("not sorted", Coins.TryFromWire([("bbb", "1"), ("aaa", "2")], out _)!.Log);
        Assert.Contains("duplicate", Coins.TryFromWire([("aaa", "1"), ("aaa", "2")], out _)!.Log);
        Assert.Equal(SdkErrors.InvalidCoins, Coins.TryFromWire([("aaa", "0")], out _)!.Code);
    }

    [Fact]
    public void Add_and_sub_match_a_biginteger_oracle()
    {
        var rng = new Random(7);
        string[] denoms = ["aaa", "bbb", "ccc", "ddd"];
        for (var i = 0; i < 500; i++)
        {
            Coins Random() => Coins.Of(denoms.Where(_ => rng.Next(2) == 0).Select(d => new Coin(d, (UInt128)rng.NextInt64(0, 1000))).ToArray());
            var a = Random();
            var b = Random();
            var sum = a.Add(b);
            foreach (var d in denoms)
                Assert.Equal((System.Numerics.BigInteger)a.AmountOf(d) + b.AmountOf(d), (System.Numerics.BigInteger)sum.AmountOf(d));
            var ok = a.TrySub(b, out var diff);
            Assert.Equal(a.IsAllGte(b), ok);
            if (ok)
                foreach (var d in denoms)
                    Assert.Equal(a.AmountOf(d) - b.AmountOf(d), diff.AmountOf(d));
            Assert.True(sum.TrySub(b, out var back));
            Assert.Equal(a, back);
        }
    }

    [Fact]
    public void Add_overflow_throws()
    {
        var max = Coins.Of(new Coin("aaa", UInt128.MaxValue));
        Assert.Throws<OverflowException>(() => max.Add(Coins.Of(new Coin("aaa", 1))));
    }

    [Fact]
    public void Parse_coin_text()
    {
        Assert.True(Coin.TryParse("123umaci", out var c));
        Assert.Equal(new Coin("umaci", 123), c);
        Assert.False(Coin.TryParse("umaci", out _));
        Assert.False(Coin.TryParse("12", out _));
    }
}
