using Maci.Sdk.Errors;

namespace Maci.Sdk.Tests;

public class ErrorRegistryTests
{
    [Fact]
    public void Sdk_codes_register_once_and_keep_upstream_numbers()
    {
        var reg = new ErrorRegistry().RegisterAll(SdkErrors.All);
        Assert.Equal(SdkErrors.All.Count, reg.Count);
        Assert.Equal(11u, SdkErrors.OutOfGas.Code);
        Assert.Equal(32u, SdkErrors.WrongSequence.Code);
        Assert.Same(SdkErrors.KeyNotFound, reg.Find("sdk", 22));
    }

    [Fact]
    public void Duplicates_and_reserved_codes_throw()
    {
        var reg = new ErrorRegistry().Register(new ErrorCode("bank", 2, "a"));
        var dup = Assert.Throws<InvalidOperationException>(() => reg.Register(new ErrorCode("bank", 2, "b")));
        Assert.Contains("bank/2 registered twice", dup.Message);
        Assert.Throws<ArgumentException>(() => reg.Register(new ErrorCode("bank", 1, "c")));
        reg.Register(new ErrorCode("auth", 2, "same code, other codespace"));
    }

    [Fact]
    public void Wrap_formats_like_the_sdk()
    {
        var e = SdkErrors.WrongSequence.Wrap("account sequence mismatch, expected 1, got 0");
        Assert.Equal("account sequence mismatch, expected 1, got 0: incorrect account sequence", e.Log);
        Assert.Equal("sdk", e.Codespace);
    }
}
