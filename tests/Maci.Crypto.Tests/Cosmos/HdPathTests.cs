using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

public sealed class HdPathTests
{
    [Fact]
    public void CosmosDefaultIsTheCosmjsPath()
    {
        Assert.Equal("m/44'/118'/0'/0/0", HdPath.CosmosDefault.ToString());
        Assert.Equal([0x8000002Cu, 0x80000076u, 0x80000000u, 0u, 0u], HdPath.CosmosDefault.Indices);
        Assert.Equal(HdPath.CosmosDefault, HdPath.Parse("m/44'/118'/0'/0/0"));
        Assert.Equal("m/44'/118'/3'/0/7", HdPath.Cosmos(3, 7).ToString());
    }

    [Theory]
    [InlineData("m", "m")]
    [InlineData("m/0", "m/0")]
    [InlineData("m/44h/118H/2'/1/5", "m/44'/118'/2'/1/5")]
    [InlineData(" m/2147483647' ", "m/2147483647'")]
    public void ParsesAndPrintsCanonically(string text, string canonical)
    {
        Assert.Equal(canonical, HdPath.Parse(text).ToString());
        Assert.True(HdPath.TryParse(text, out var p));
        Assert.Equal(HdPath.Parse(canonical), p);
    }

    [Theory]
    [InlineData("")]
    [InlineData("44'/118'")]
    [InlineData("M/44'")]
    [InlineData("m/")]
    [InlineData("m/44''")]
    [InlineData("m/-1")]
    [InlineData("m/+1")]
    [InlineData("m/2147483648")]
    [InlineData("m/4294967296'")]
    [InlineData("m/1x")]
    [InlineData("m//1")]
    public void RejectsMalformedPaths(string text)
    {
        Assert.Throws<FormatException>(() => HdPath.Parse(text));
        Assert.False(HdPath.TryParse(text, out _));
    }

    [Fact]
    public void CosmosRejectsHardenedRangeArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HdPath.Cosmos(HdPath.HardenedOffset));
        Assert.Throws<ArgumentOutOfRangeException>(() => HdPath.Cosmos(0, HdPath.HardenedOffset));
    }
}
