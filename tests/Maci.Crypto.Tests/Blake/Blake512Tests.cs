using System.Text.Json.Nodes;
using Maci.Crypto.Blake;
using Maci.Crypto.Tests.Support;

namespace Maci.Crypto.Tests.Blake;

public class Blake512Tests
{
    private static string Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> h = stackalloc byte[Blake512.HashSize];
        Blake512.Hash(data, h);
        return Convert.ToHexStringLower(h);
    }

    [Fact]
    public void EmptyInputMatchesThePublishedDigest()
    {
        // BLAKE-512 of the empty string (SHA-3 submission; differs from BLAKE2b's 786a02f7…).
        Assert.Equal(
            "a8cfbbd73726062df0c6864dda65defe58ef0cc52a5625090fa17601e1eecd1b628e94f396ae402a00acc9eab77b4d4c2e852aaaa25a636d80af3fc7913ef5b8",
            Hex([]));
    }

    [Fact]
    public void SingleZeroByteMatchesTheSubmissionExample()
    {
        // The BLAKE submission's one-byte example (message 0x00, 8 bits).
        Assert.Equal(
            "97961587f6d970faba6d2478045de6d1fabd09b61ae50932054d52bc29d31be4ff9102b9f69e2bbdb83be13d4b9c06091e5fa0b48bd081b634058be0ec49beb3",
            Hex([0]));
    }

    [Fact]
    public void OutputShorterThan64BytesIsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Blake512.Hash([1, 2, 3], new byte[63]));
        Assert.Contains("64 bytes", ex.Message);
    }

    [Fact]
    public async Task MatchesBlakeHashPackageOnEveryPaddingBoundary()
    {
        // Lengths around the block (128 B) and padding (111/112 B) edges, plus seeded random contents.
        var rng = new Random(512);
        int[] lengths = [1, 2, 31, 32, 55, 63, 64, 110, 111, 112, 113, 127, 128, 129, 200, 239, 240, 255, 256, 257, 1000];
        var inputs = lengths.Select(n => { var b = new byte[n]; rng.NextBytes(b); return b; }).ToList();
        var ops = inputs.Select(b => ReferenceOracle.Op("blake512", ("data", JsonValue.Create(Convert.ToHexStringLower(b))))).ToList();
        var expected = await ReferenceOracle.RunAsync(ops);
        for (var i = 0; i < inputs.Count; i++)
            Assert.True(expected[i]!.GetValue<string>() == Hex(inputs[i]), $"length {inputs[i].Length}");
    }
}
