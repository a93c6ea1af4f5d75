using Maci.Modules.Insurance.Types;
using Maci.Sdk.Errors;

namespace Maci.Insurance.Tests;

public class KeysAndErrorsTests
{
    [Fact]
    public void Store_prefixes_are_unique()
    {
        var prefixes = Keys.Schema.Select(s => s.Prefix).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());
        Assert.Equal(Keys.Schema.Count, Keys.Schema.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Error_codes_register_alongside_the_sdk_codes()
    {
        var registry = new ErrorRegistry().RegisterAll(SdkErrors.All).RegisterAll(InsuranceErrors.All);
        Assert.Equal(SdkErrors.All.Count + InsuranceErrors.All.Count, registry.Count);
        Assert.All(InsuranceErrors.All, e => Assert.True(e.Code >= 2));
    }

    [Fact]
    public void Tally_delay_is_computed_as_in_Dora()
    {
        var d = RoundDelays.DoraDefaults;
        Assert.Equal(3UL * (200 + 10 * 1 + 20 * 2), d.TallyDelay(10, 20));
        Assert.Equal(ulong.MaxValue, d.TallyDelay(ulong.MaxValue, 1));
        var round = new RoundInfo(1, [], [], 0, 5000, RoundStatus.Pending, 10, 20, d);
        Assert.Equal(5750, round.TallyDeadline);
        Assert.Equal(5750 + 172_800, round.HardTimeout(172_800));
    }
}
