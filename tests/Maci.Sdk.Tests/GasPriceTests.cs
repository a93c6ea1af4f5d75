using Maci.Modules.Auth.Types;

namespace Maci.Sdk.Tests;

public class GasPriceTests
{
    [Theory]
    [InlineData("0.0025umaci", 200_000ul, 500ul)]
    [InlineData("0.0025umaci", 200_001ul, 501ul)] // rounds up
    [InlineData("1umaci", 7ul, 7ul)]
    [InlineData("0umaci", 7ul, 0ul)]
    [InlineData("0.000000000000000001umaci", 1ul, 1ul)]
    public void Required_fee_is_the_exact_ceiling(string price, ulong gas, ulong fee) =>
        Assert.Equal((UInt128)fee, GasPrice.Parse(price).RequiredFee(gas));

    [Theory]
    [InlineData("umaci")]
    [InlineData("0.1")]
    [InlineData("1.2.3umaci")]
    [InlineData("0.0000000000000000001umaci")] // more than 18 decimals
    [InlineData("-1umaci")]
    public void Malformed_prices_throw(string price) => Assert.Throws<FormatException>(() => GasPrice.Parse(price));
}
