using Maci.Sdk.Addresses;
using Maci.Sdk.Errors;

namespace Maci.Sdk.Tests;

public class AddressCodecTests
{
    [Fact]
    public void Known_cosmos_vector_round_trips()
    {
        // BIP-173 style vector: 20 zero bytes under "cosmos".
        var codec = new AddressCodec("cosmos");
        var text = codec.Encode(new byte[20]);
        Assert.Equal("cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a", text);
        Assert.Null(codec.TryDecode(text, out var raw));
        Assert.Equal(new byte[20], raw);
    }

    [Fact]
    public void Wrong_prefix_bad_checksum_and_wrong_length_are_invalid_address()
    {
        var maci = new AddressCodec("maci");
        var cosmos = new AddressCodec("cosmos");
        var addr = cosmos.Encode(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray());
        Assert.Contains("expected maci, got cosmos", maci.TryDecode(addr, out _)!.Log);
        var broken = addr[..^1] + (addr[^1] == 'q' ? 'p' : 'q');
        Assert.Contains("checksum", cosmos.TryDecode(broken, out _)!.Log);
        Assert.Contains("32 bytes", cosmos.TryDecode(cosmos.Encode(new byte[32]), out _)!.Log);
        Assert.Equal(SdkErrors.InvalidAddress, cosmos.TryDecode("", out _)!.Code);
    }
}
