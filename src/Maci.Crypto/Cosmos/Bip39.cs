using System.Security.Cryptography;
using System.Text;

namespace Maci.Crypto.Cosmos;

/// <summary>
/// BIP-39 mnemonics with the English word list: entropy ↔ words with the SHA-256 checksum, and the seed
/// PBKDF2-HMAC-SHA512(mnemonic, "mnemonic" + passphrase, 2048 rounds, 64 bytes).
/// Mnemonics are normalised (trimmed, single spaces, lower case) before use. Passphrases must be ASCII:
/// BIP-39 requires NFKD normalisation, which this build (invariant globalization) cannot perform.
/// </summary>
public static class Bip39
{
    public const int SeedLength = 64;
    private const int Pbkdf2Rounds = 2048;

    /// <summary>A new 24-word mnemonic from 256 bits of system CSPRNG entropy (or 128–256 bits in steps of 32).</summary>
    public static string GenerateMnemonic(int entropyBits = 256)
    {
        if (entropyBits is < 128 or > 256 || entropyBits % 32 != 0)
            throw new ArgumentOutOfRangeException(nameof(entropyBits), entropyBits, "entropy must be 128, 160, 192, 224 or 256 bits");
        var entropy = RandomNumberGenerator.GetBytes(entropyBits / 8);
        try
        {
            return EntropyToMnemonic(entropy);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(entropy);
        }
    }

    /// <summary>Encodes 16, 20, 24, 28 or 32 bytes of entropy as 12–24 words.</summary>
    public static string EntropyToMnemonic(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is < 16 or > 32 || entropy.Length % 4 != 0)
            throw new ArgumentException($"entropy must be 16, 20, 24, 28 or 32 bytes, got {entropy.Length}", nameof(entropy));
        var checksumBits = entropy.Length / 4;
        var wordCount = (entropy.Length * 8 + checksumBits) / 11;
        Span<byte> bits = stackalloc byte[33];
        entropy.CopyTo(bits);
        bits[entropy.Length] = SHA256.HashData(entropy)[0];
        var list = Bip39WordList.English;
        var words = new string[wordCount];
        for (var w = 0; w < wordCount; w++)
            words[w] = list[ReadBits(bits, w * 11, 11)];
        bits.Clear();
        return string.Join(' ', words);
    }

    /// <summary>Decodes a mnemonic to its entropy, checking word count, words and checksum.</summary>
    /// <exception cref="FormatException">The mnemonic is invalid; the message says why.</exception>
    public static byte[] MnemonicToEntropy(string mnemonic)
    {
        var error = TryDecode(mnemonic, out var entropy);
        return error is null ? entropy : throw new FormatException(error);
    }

    /// <summary>True when the mnemonic has a valid length, only list words and a correct checksum.</summary>
    public static bool IsValidMnemonic(string? mnemonic) => TryDecode(mnemonic, out _) is null;

    /// <summary>Trims, collapses whitespace to single spaces and lower-cases a mnemonic.</summary>
    public static string Normalize(string mnemonic)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        return string.Join(' ', mnemonic.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }

    /// <summary>The 64-byte BIP-39 seed of a valid mnemonic (validated first) and an optional ASCII passphrase.</summary>
    /// <exception cref="FormatException">The mnemonic is invalid.</exception>
    /// <exception cref="ArgumentException">The passphrase is not ASCII.</exception>
    public static byte[] MnemonicToSeed(string mnemonic, string passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (!Ascii.IsValid(passphrase))
            throw new ArgumentException("BIP-39 passphrase must be ASCII (NFKD normalisation of other text is not supported)", nameof(passphrase));
        MnemonicToEntropy(mnemonic);
        var password = Encoding.UTF8.GetBytes(Normalize(mnemonic));
        var salt = Encoding.UTF8.GetBytes("mnemonic" + passphrase);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, Pbkdf2Rounds, HashAlgorithmName.SHA512, SeedLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    private static string? TryDecode(string? mnemonic, out byte[] entropy)
    {
        entropy = [];
        if (mnemonic is null)
            return "mnemonic is null";
        var words = Normalize(mnemonic).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 12 or > 24 || words.Length % 3 != 0)
            return $"mnemonic has {words.Length} words; expected 12, 15, 18, 21 or 24";
        var list = Bip39WordList.English;
        var totalBits = words.Length * 11;
        var checksumBits = totalBits / 33;
        var entropyBytes = (totalBits - checksumBits) / 8;
        Span<byte> bits = stackalloc byte[33];
        bits.Clear();
        for (var i = 0; i < words.Length; i++)
        {
            if (!list.TryGetIndex(words[i], out var index))
                return $"mnemonic word {i + 1} ('{words[i]}') is not in the BIP-39 English word list";
            WriteBits(bits, i * 11, 11, index);
        }
        var hash = SHA256.HashData(bits[..entropyBytes]);
        var expected = hash[0] >> (8 - checksumBits);
        var actual = bits[entropyBytes] >> (8 - checksumBits);
        if (expected != actual)
        {
            bits.Clear();
            return "mnemonic checksum is invalid (a word is wrong or the words are out of order)";
        }
        entropy = bits[..entropyBytes].ToArray();
        bits.Clear();
        return null;
    }

    private static int ReadBits(ReadOnlySpan<byte> data, int offset, int count)
    {
        var value = 0;
        for (var i = 0; i < count; i++)
        {
            var bit = offset + i;
            value = (value << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
        }
        return value;
    }

    private static void WriteBits(Span<byte> data, int offset, int count, int value)
    {
        for (var i = 0; i < count; i++)
        {
            var bit = offset + i;
            if (((value >> (count - 1 - i)) & 1) != 0)
                data[bit >> 3] |= (byte)(0x80 >> (bit & 7));
        }
    }
}
