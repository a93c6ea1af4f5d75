using System.Security.Cryptography;
using System.Text;
using Maci.Crypto.Cosmos;

namespace Maci.Crypto.Tests.Cosmos;

/// <summary>Vectors from the BIP-39 reference test data (English, passphrase "TREZOR").</summary>
public sealed class Bip39Tests
{
    internal const string AbandonAbout =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    public static TheoryData<string, string> EntropyVectors => new()
    {
        { "00000000000000000000000000000000", AbandonAbout },
        { "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f", "legal winner thank year wave sausage worth useful legal winner thank yellow" },
        { "80808080808080808080808080808080", "letter advice cage absurd amount doctor acoustic avoid letter advice cage above" },
        { "ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong" },
        { "9e885d952ad362caeb4efe34a8e91bd2", "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic" },
        { "0000000000000000000000000000000000000000000000000000000000000000",
            string.Join(' ', Enumerable.Repeat("abandon", 23)) + " art" },
        { "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            string.Join(' ', Enumerable.Repeat("zoo", 23)) + " vote" },
        { "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
            "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length" },
        { "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
            "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold" },
    };

    [Theory]
    [MemberData(nameof(EntropyVectors))]
    public void EntropyAndMnemonicConvertBothWays(string entropyHex, string mnemonic)
    {
        Assert.Equal(mnemonic, Bip39.EntropyToMnemonic(Convert.FromHexString(entropyHex)));
        Assert.Equal(entropyHex, Convert.ToHexStringLower(Bip39.MnemonicToEntropy(mnemonic)));
        Assert.True(Bip39.IsValidMnemonic(mnemonic));
    }

    [Fact]
    public void SeedMatchesReferenceVectorWithPassphrase()
    {
        Assert.Equal(
            "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
            Convert.ToHexStringLower(Bip39.MnemonicToSeed(AbandonAbout, "TREZOR")));
    }

    [Fact]
    public void SeedIsPbkdf2OfTheNormalisedMnemonic()
    {
        var messy = "  ABANDON abandon\tabandon abandon abandon abandon abandon abandon abandon abandon abandon   about \n";
        var expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(AbandonAbout), Encoding.UTF8.GetBytes("mnemonicpw"),
            2048, HashAlgorithmName.SHA512, 64);
        Assert.Equal(expected, Bip39.MnemonicToSeed(messy, "pw"));
        Assert.NotEqual(expected, Bip39.MnemonicToSeed(AbandonAbout));
    }

    [Fact]
    public void GeneratedMnemonicsHave24ValidWords()
    {
        var a = Bip39.GenerateMnemonic();
        var b = Bip39.GenerateMnemonic();
        Assert.Equal(24, a.Split(' ').Length);
        Assert.True(Bip39.IsValidMnemonic(a));
        Assert.NotEqual(a, b);
        Assert.Equal(12, Bip39.GenerateMnemonic(128).Split(' ').Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => Bip39.GenerateMnemonic(100));
    }

    [Fact]
    public void InvalidMnemonicsAreRejectedWithAReason()
    {
        var wrongChecksum = AbandonAbout.Replace("about", "abandon");
        Assert.Contains("checksum", Assert.Throws<FormatException>(() => Bip39.MnemonicToEntropy(wrongChecksum)).Message);
        Assert.Contains("checksum", Assert.Throws<FormatException>(() => Bip39.MnemonicToSeed(wrongChecksum)).Message);

        var unknownWord = AbandonAbout.Replace("about", "aboutt");
        Assert.Contains("word 12 ('aboutt')", Assert.Throws<FormatException>(() => Bip39.MnemonicToEntropy(unknownWord)).Message);

        var elevenWords = string.Join(' ', AbandonAbout.Split(' ').Skip(1));
        Assert.Contains("11 words", Assert.Throws<FormatException>(() => Bip39.MnemonicToEntropy(elevenWords)).Message);
        Assert.Throws<FormatException>(() => Bip39.MnemonicToEntropy(""));
        Assert.False(Bip39.IsValidMnemonic(null));

        // Swapping two distinct words keeps every word valid but breaks the checksum.
        var words = "legal winner thank year wave sausage worth useful legal winner thank yellow".Split(' ');
        (words[0], words[1]) = (words[1], words[0]);
        Assert.False(Bip39.IsValidMnemonic(string.Join(' ', words)));
    }

    [Fact]
    public void NonAsciiPassphraseIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Bip39.MnemonicToSeed(AbandonAbout, "pässword"));
    }

    [Fact]
    public void EntropyOfWrongLengthIsRejected()
    {
        Assert.Throws<ArgumentException>(() => Bip39.EntropyToMnemonic(new byte[15]));
        Assert.Throws<ArgumentException>(() => Bip39.EntropyToMnemonic(new byte[17]));
        Assert.Throws<ArgumentException>(() => Bip39.EntropyToMnemonic(new byte[36]));
    }

    [Fact]
    public void WordListIsTheStandardList()
    {
        var list = Bip39WordList.English;
        Assert.Equal(2048, list.Words.Count);
        Assert.Equal("abandon", list[0]);
        Assert.Equal("zoo", list[2047]);
        Assert.Equal(list.Words.OrderBy(w => w, StringComparer.Ordinal), list.Words);
        Assert.Equal(2048, list.Words.Distinct().Count());
        Assert.True(list.TryGetIndex("about", out var about));
        Assert.Equal(3, about);
        Assert.False(list.TryGetIndex("bitcoin", out _));
    }
}
