using Maci.Sdk.Errors;
using Maci.Sdk.Gas;
using Maci.Sdk.Store;
using Maci.Storage;

namespace Maci.Sdk.Tests;

public class MeteredStoreTests
{
    [Fact]
    public void Access_is_charged_sdk_style()
    {
        var root = new MemKvStore();
        var meter = new GasMeter(100_000);
        var store = new MeteredStore(root, meter, GasConfig.Default);
        store.Set([0xaa], [1, 2, 3]);
        Assert.Equal(2000UL + 30 * 4, meter.Consumed);
        Assert.Equal(new byte[] { 1, 2, 3 }, root.Get([0xaa]));
        var before = meter.Consumed;
        Assert.Equal(new byte[] { 1, 2, 3 }, store.Get([0xaa]));
        Assert.Equal(1000UL + 3 * 4, meter.Consumed - before);
        before = meter.Consumed;
        Assert.True(store.Has([0xaa]));
        store.Delete([0xaa]);
        Assert.Equal(2000UL, meter.Consumed - before);
        root.Set([0x01], [9]);
        before = meter.Consumed;
        using (var it = store.Iterate([], []))
        {
            Assert.True(it.Valid);
            Assert.Equal(new byte[] { 0x01 }, it.Key.ToArray());
            it.Next();
            Assert.False(it.Valid);
        }
        Assert.Equal(30UL + 3 * 2, meter.Consumed - before);
    }

    [Fact]
    public void Running_out_of_gas_is_code_11()
    {
        var meter = new GasMeter(2500);
        var store = new MeteredStore(new MemKvStore(), meter, GasConfig.Default);
        var ex = Assert.Throws<SdkException>(() => store.Set([1], new byte[100]));
        Assert.Equal(SdkErrors.OutOfGas, ex.Error.Code);
        Assert.Contains("gasWanted: 2500", ex.Error.Log);
        Assert.Equal(2500UL, meter.ConsumedToLimit);
    }
}
