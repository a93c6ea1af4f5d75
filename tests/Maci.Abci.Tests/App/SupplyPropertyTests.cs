using Maci.Abci.Tests.App.Support;

namespace Maci.Abci.Tests.App;

public sealed class SupplyPropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_sends_keep_total_supply_constant_and_no_balance_negative(int seed)
    {
        var keys = Enumerable.Range(0, 4).Select(i => TestAccount.FromSeed($"prop-{seed}-{i}")).ToArray();
        using var h = new AppHarness(keys);
        var supply = h.TotalSupply();
        Assert.Equal(4 * AppHarness.StartBalance, supply);
        foreach (var block in DeterminismTests.RandomBlocks(seed, 5, 20, keys))
        {
            h.Block(block);
            Assert.Equal(supply, h.TotalSupply());
            Assert.Null(h.App.CheckInvariants());
            ulong sum = 0;
            foreach (var k in keys) sum += h.Balance(k.Bech32);
            var feeCollector = h.App.Modules.Codec.Encode(Maci.Sdk.Addresses.AddressCodec.ModuleAddress("fee_collector"));
            sum += h.Balance(feeCollector);
            Assert.Equal(supply, sum); // every coin is held by a funded key or the fee collector
        }
    }
}
