using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Maci.Crypto.Cosmos;

/// <summary>The BIP-39 English word list, loaded from the embedded data file Cosmos/Bip39/english.txt.</summary>
public sealed class Bip39WordList
{
    public const int Count = 2048;
    private const string ResourceName = "Maci.Crypto.Cosmos.Bip39.english.txt";
    private const string ExpectedSha256 = "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

    private static readonly Lazy<Bip39WordList> LazyEnglish = new(Load);

    private readonly string[] _words;
    private readonly FrozenDictionary<string, int> _index;

    private Bip39WordList(string[] words)
    {
        _words = words;
        _index = words.Select((w, i) => (w, i)).ToFrozenDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
    }

    public static Bip39WordList English => LazyEnglish.Value;

    public IReadOnlyList<string> Words => _words;

    public string this[int index] => _words[index];

    public bool TryGetIndex(string word, out int index) => _index.TryGetValue(word, out index);

    private static Bip39WordList Load()
    {
        using var stream = typeof(Bip39WordList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Maci.Crypto");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>(Count);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#')
                words.Add(line);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(words.Select(w => w + "\n")))));
        if (words.Count != Count || hash != ExpectedSha256)
            throw new InvalidOperationException($"BIP-39 word list is corrupt: {words.Count} words, sha256 {hash}");
        return new Bip39WordList([.. words]);
    }
}
