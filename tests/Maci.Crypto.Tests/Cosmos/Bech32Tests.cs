using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>Test vectors from the BIP-173 text (valid/invalid checksums and a segwit address).</summary>
public sealed class Bech32Tests
{
    public static TheoryData<string> ValidChecksums =>
    [
        "A12UEL5L",
        "a12uel5l",
        "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
        "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
        "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
        "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        "?1ezyfcl",
    ];

    public static TheoryData<string, string> InvalidChecksums => new()
    {
        { "\u00201nwldj5", "HRP character out of range" },
        { "\u007f1axkwrx", "HRP character out of range" },
        { "\u00801eym55h", "HRP character out of range" },
        { "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", "overall max length exceeded" },
        { "pzry9x0s0muk", "no separator character" },
        { "1pzry9x0s0muk", "empty HRP" },
        { "x1b4n0q5v", "invalid data character" },
        { "li1dgmt3", "too short checksum" },
        { "de1lg7wt\u00ff", "invalid character in checksum" },
        { "A1G7SGD8", "checksum calculated with uppercase form of HRP" },
        { "10a06t8", "empty HRP" },
        { "1qzzfhee", "empty HRP" },
        { "a12UEL5L", "mixed case" },
        { "A12uEL5L", "mixed case" },
    };

    [Theory]
    [MemberData(nameof(ValidChecksums))]
    public void ValidVectorsDecodeAndReEncodeInLowerCase(string s)
    {
        var (hrp, words) = Bech32.DecodeWords(s);
        Assert.Equal(s[..s.LastIndexOf('1')].ToLowerInvariant(), hrp);
        Assert.Equal(s.ToLowerInvariant(), Bech32.EncodeWords(hrp, words));
    }

    [Theory]
    [MemberData(nameof(InvalidChecksums))]
    public void InvalidVectorsAreRejected(string s, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => Bech32.DecodeWords(s));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message), reason);
        Assert.False(Bech32.TryDecode(s, out _, out _), reason);
    }

    [Fact]
    public void ErrorMessagesNameTheProblem()
    {
        Assert.Contains("mixes upper and lower case", Assert.Throws<FormatException>(() => Bech32.DecodeWords("a12UEL5L")).Message);
        Assert.Contains("checksum is invalid", Assert.Throws<FormatException>(() => Bech32.DecodeWords("a12uel5m")).Message);
        Assert.Contains("more than 90", Assert.Throws<FormatException>(() => Bech32.DecodeWords(new string('a', 91))).Message);
        Assert.Contains("no separator", Assert.Throws<FormatException>(() => Bech32.DecodeWords("pzry9x0s0muk")).Message);
        Assert.Contains("invalid character 'b'", Assert.Throws<FormatException>(() => Bech32.DecodeWords("x1b4n0q5v")).Message);
    }

    [Fact]
    public void SegwitVectorRegroupsToTheWitnessProgram()
    {
        var (hrp, words) = Bech32.DecodeWords("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4");
        Assert.Equal("bc", hrp);
        Assert.Equal(0, words[0]);
        var program = Bech32.ConvertBits(words.AsSpan(1), 5, 8, pad: false);
        Assert.Equal("751e76e8199196d454941c45d1b3a323f1433bd6", Convert.ToHexStringLower(program));
        Assert.Equal("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            Bech32.EncodeWords("bc", [0, .. Bech32.ConvertBits(program, 8, 5, pad: true)]));
    }

    [Fact]
    public void ByteDataRoundTrips()
    {
        var rng = new Random(7);
        foreach (var len in new[] { 0, 1, 2, 5, 20, 32, 40 })
        {
            var data = new byte[len];
            rng.NextBytes(data);
            var s = Bech32.Encode("maci", data);
            Assert.True(Bech32.TryDecode(s, out var hrp, out var back));
            Assert.Equal("maci", hrp);
            Assert.Equal(data, back);
            Assert.Equal(data, Bech32.Decode(s.ToUpperInvariant()).Data);
        }
    }

    [Fact]
    public void EveryDataCharacterSubstitutionIsDetected()
    {
        var s = Bech32.Encode("cosmos", Convert.FromHexString("751e76e8199196d454941c45d1b3a323f1433bd6"));
        const string charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
        for (var i = s.IndexOf('1') + 1; i < s.Length; i++)
            foreach (var c in charset)
            {
                if (c == s[i]) continue;
                var mutated = s[..i] + c + s[(i + 1)..];
                Assert.False(Bech32.TryDecode(mutated, out _, out _), mutated);
            }
    }

    [Fact]
    public void NonZeroOrExcessPaddingIsRejectedWhenRegroupingToBytes()
    {
        // 20 bytes = 160 bits = 32 words exactly; 33 words leave 5 excess bits.
        var words = Bech32.ConvertBits(new byte[20], 8, 5, pad: true);
        Assert.Equal(32, words.Length);
        var excess = Bech32.EncodeWords("maci", [.. words, 0]);
        Assert.Throws<FormatException>(() => Bech32.Decode(excess));
        // 1 byte = 8 bits → 2 words with 2 padding bits; set a padding bit.
        var oneByte = Bech32.ConvertBits([0xff], 8, 5, pad: true);
        Assert.Equal(new byte[] { 31, 28 }, oneByte);
        var badPad = Bech32.EncodeWords("maci", [31, 29]);
        Assert.Throws<FormatException>(() => Bech32.Decode(badPad));
        Assert.Throws<ArgumentException>(() => Bech32.ConvertBits([31, 29], 5, 8, pad: false));
    }

    [Fact]
    public void EncodeRejectsBadInput()
    {
        Assert.Throws<ArgumentException>(() => Bech32.Encode("", [1, 2]));
        Assert.Throws<ArgumentException>(() => Bech32.Encode("ma ci", [1, 2]));
        Assert.Throws<ArgumentException>(() => Bech32.Encode("maCi", [1, 2]));
        Assert.Throws<ArgumentException>(() => Bech32.EncodeWords("maci", [32]));
        Assert.Throws<ArgumentException>(() => Bech32.Encode("maci", new byte[60])); // 96 words: too long
        Assert.Equal(90, Bech32.EncodeWords("a", new byte[90 - 8]).Length);
        Assert.Throws<ArgumentException>(() => Bech32.EncodeWords("a", new byte[90 - 7]));
    }
}
