using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>
/// Named secp256k1 account keys in one JSON file (for `macid keys …`). Public data (name, public key, HD path)
/// is stored in clear; each private key and mnemonic is sealed with the keyring passphrase (PBKDF2-HMAC-SHA256,
/// random salt per entry, AES-256-GCM with a random nonce, the entry's metadata as associated data). A sealed
/// check value lets a wrong passphrase be told apart from a damaged entry. Writes go to a temporary file that
/// is renamed over the keyring, under a lock file, so a crash never leaves a half-written keyring.
/// </summary>
public sealed partial class FileKeyring
{
    public const string DefaultFileName = "keyring.json";
    public const int MinPassphraseLength = 8;
    public const int MaxNameLength = 64;

    private readonly KeyringOptions _options;

    /// <exception cref="ArgumentException">The prefix is not a valid bech32 human-readable part.</exception>
    public FileKeyring(string filePath, string addressPrefix, KeyringOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        ArgumentNullException.ThrowIfNull(addressPrefix);
        _ = CosmosAddress.ToBech32(new byte[CosmosAddress.Length], addressPrefix);
        if (addressPrefix != addressPrefix.ToLowerInvariant())
            throw new ArgumentException("address prefix must be lower case", nameof(addressPrefix));
        FilePath = Path.GetFullPath(filePath);
        AddressPrefix = addressPrefix;
        _options = options ?? new KeyringOptions();
        if (_options.Pbkdf2Iterations is < KeyringOptions.MinIterations or > KeyringOptions.MaxIterations)
            throw new ArgumentOutOfRangeException(nameof(options), _options.Pbkdf2Iterations,
                $"PBKDF2 iterations must be {KeyringOptions.MinIterations}..{KeyringOptions.MaxIterations}");
    }

    /// <summary>The keyring at &lt;home&gt;/keyring.json.</summary>
    public static FileKeyring ForHome(string homeDirectory, string addressPrefix, KeyringOptions? options = null) =>
        new(Path.Combine(homeDirectory, DefaultFileName), addressPrefix, options);

    public string FilePath { get; }

    public string AddressPrefix { get; }

    /// <summary>Creates a key from a fresh 24-word mnemonic; the mnemonic is returned so it can be shown once.</summary>
    public NewKey Add(string name, string passphrase, HdPath? hdPath = null)
    {
        var mnemonic = Bip39.GenerateMnemonic();
        return new NewKey(Import(name, mnemonic, passphrase, hdPath), mnemonic);
    }

    /// <summary>Stores the key derived from <paramref name="mnemonic"/> (checksum-validated) along the HD path.</summary>
    /// <exception cref="FormatException">The mnemonic is invalid.</exception>
    public KeyInfo Import(string name, string mnemonic, string passphrase, HdPath? hdPath = null, string bip39Passphrase = "")
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        var path = hdPath ?? HdPath.CosmosDefault;
        var normalized = Bip39.Normalize(mnemonic);
        var pair = CosmosHdWallet.FromMnemonic(normalized, bip39Passphrase, path);
        return Store(name, passphrase, pair, KeySource.Mnemonic, path, normalized);
    }

    /// <summary>Stores a raw 32-byte secp256k1 private key.</summary>
    /// <exception cref="ArgumentException">The key is not valid.</exception>
    public KeyInfo ImportPrivateKey(string name, ReadOnlySpan<byte> privateKey, string passphrase) =>
        Store(name, passphrase, Secp256k1KeyPair.FromPrivateKey(privateKey), KeySource.PrivateKey, null, null);

    /// <summary>All keys, ordered by name.</summary>
    public IReadOnlyList<KeyInfo> List() => Load().Keys.Select(ToInfo).ToList();

    /// <summary>The key with this name or bech32 address.</summary>
    /// <exception cref="KeyringException">NotFound.</exception>
    public KeyInfo Show(string nameOrAddress) =>
        Find(nameOrAddress) ?? throw NotFound(nameOrAddress);

    /// <summary>The key with this name or bech32 address, or null.</summary>
    public KeyInfo? Find(string nameOrAddress)
    {
        ArgumentNullException.ThrowIfNull(nameOrAddress);
        var entry = FindEntry(Load(), nameOrAddress);
        return entry is null ? null : ToInfo(entry);
    }

    /// <summary>Removes a key by name.</summary>
    /// <exception cref="KeyringException">NotFound.</exception>
    public void Delete(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Update(file =>
        {
            var index = file.Keys.FindIndex(k => k.Name == name);
            if (index < 0)
                throw NotFound(name);
            file.Keys.RemoveAt(index);
            return file;
        });
    }

    /// <summary>Decrypts a key.</summary>
    /// <exception cref="KeyringException">NotFound, WrongPassphrase or Corrupt.</exception>
    public Secp256k1KeyPair Unlock(string name, string passphrase)
    {
        var secret = OpenSecret(name, passphrase, out var entry);
        var privateKey = Convert.FromHexString(secret.PrivateKey);
        try
        {
            var pair = Secp256k1KeyPair.FromPrivateKey(privateKey);
            if (!pair.PublicKey.SequenceEqual(Convert.FromBase64String(entry.PubKey)))
                throw Corrupt($"key '{entry.Name}' decrypts to a private key that does not match its public key");
            return pair;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(privateKey);
        }
    }

    /// <summary>Signs a 32-byte hash (sha256 of the SignDoc bytes) with a stored key: 64-byte r‖s, low-s.</summary>
    public byte[] Sign(string name, string passphrase, ReadOnlySpan<byte> messageHash32)
    {
        if (messageHash32.Length != Secp256k1.HashLength)
            throw new ArgumentException($"message hash must be {Secp256k1.HashLength} bytes", nameof(messageHash32));
        return Unlock(name, passphrase).Sign(messageHash32);
    }

    /// <summary>The stored mnemonic of a key created by Add or Import.</summary>
    /// <exception cref="KeyringException">NotFound, WrongPassphrase, Corrupt or NoMnemonic.</exception>
    public string ExportMnemonic(string name, string passphrase)
    {
        var secret = OpenSecret(name, passphrase, out _);
        return secret.Mnemonic ?? throw new KeyringException(KeyringError.NoMnemonic,
            $"key '{name}' was imported from a private key and has no mnemonic");
    }

    private KeyInfo Store(string name, string passphrase, Secp256k1KeyPair pair, KeySource source, HdPath? path, string? mnemonic)
    {
        ValidateName(name);
        ArgumentNullException.ThrowIfNull(passphrase);
        if (passphrase.Length < MinPassphraseLength)
            throw new ArgumentException($"keyring passphrase must be at least {MinPassphraseLength} characters", nameof(passphrase));
        var pubKey = Convert.ToBase64String(pair.PublicKey);
        var sourceText = SourceText(source);
        var secretJson = JsonSerializer.SerializeToUtf8Bytes(
            new KeySecretModel(Convert.ToHexStringLower(pair.PrivateKey), mnemonic), KeyringJsonContext.Default.KeySecretModel);
        KeyEntryModel? stored = null;
        try
        {
            Update(file =>
            {
                if (file.Keys.Any(k => k.Name == name))
                    throw new KeyringException(KeyringError.DuplicateName, $"a key named '{name}' already exists");
                var same = file.Keys.FirstOrDefault(k => k.PubKey == pubKey);
                if (same is not null)
                    throw new KeyringException(KeyringError.DuplicateKey,
                        $"this key is already stored as '{same.Name}' ({CosmosAddress.Bech32FromPublicKey(pair.PublicKey, AddressPrefix)})");
                var check = file.Check;
                if (file.Keys.Count == 0 || check is null)
                    check = KeyringCrypto.Seal(CheckPlaintext, passphrase, _options.Pbkdf2Iterations, CheckAssociatedData);
                else if (!KeyringCrypto.TryOpen(check, passphrase, CheckAssociatedData, out _))
                    throw WrongPassphrase();
                var box = KeyringCrypto.Seal(secretJson, passphrase, _options.Pbkdf2Iterations,
                    EntryAssociatedData(name, pubKey, sourceText, path?.ToString()));
                stored = new KeyEntryModel(name, KeyType, pubKey, sourceText, box, path?.ToString());
                var keys = file.Keys.Append(stored).OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
                return file with { Check = check, Keys = keys };
            });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secretJson);
        }
        return ToInfo(stored!);
    }

    private KeySecretModel OpenSecret(string name, string passphrase, out KeyEntryModel entry)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(passphrase);
        var file = Load();
        entry = file.Keys.FirstOrDefault(k => k.Name == name) ?? throw NotFound(name);
        var aad = EntryAssociatedData(entry.Name, entry.PubKey, entry.Source, entry.HdPath);
        if (!KeyringCrypto.TryOpen(entry.Secret, passphrase, aad, out var plaintext))
        {
            if (file.Check is not null && KeyringCrypto.TryOpen(file.Check, passphrase, CheckAssociatedData, out _))
                throw Corrupt($"key '{name}' failed authentication although the passphrase is right: the entry was altered");
            throw WrongPassphrase();
        }
        try
        {
            return JsonSerializer.Deserialize(plaintext, KeyringJsonContext.Default.KeySecretModel)
                ?? throw Corrupt($"key '{name}' has an empty secret");
        }
        catch (JsonException e)
        {
            throw Corrupt($"key '{name}' has an unreadable secret: {e.Message}", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private KeyInfo ToInfo(KeyEntryModel entry)
    {
        var pub = Convert.FromBase64String(entry.PubKey);
        return new KeyInfo(entry.Name, CosmosAddress.Bech32FromPublicKey(pub, AddressPrefix), pub,
            entry.HdPath is null ? null : HdPath.Parse(entry.HdPath), ParseSource(entry.Source));
    }

    private KeyEntryModel? FindEntry(KeyringFileModel file, string nameOrAddress)
    {
        var byName = file.Keys.FirstOrDefault(k => k.Name == nameOrAddress);
        if (byName is not null || !CosmosAddress.TryParse(nameOrAddress, AddressPrefix, out var address))
            return byName;
        return file.Keys.FirstOrDefault(k => CosmosAddress.FromPublicKey(Convert.FromBase64String(k.PubKey)).AsSpan().SequenceEqual(address));
    }

    /// <summary>Names are 1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    public static bool IsValidName(string? name) =>
        name is { Length: > 0 and <= MaxNameLength } && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static void ValidateName(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException(
                $"key name '{name}' is invalid: use 1-{MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or digit", nameof(name));
    }

    private const string KeyType = "secp256k1";
    private static ReadOnlySpan<byte> CheckPlaintext => "maci-keyring-check"u8;
    private static ReadOnlySpan<byte> CheckAssociatedData => "maci-keyring/v1/check"u8;

    private static byte[] EntryAssociatedData(string name, string pubKey, string source, string? hdPath) =>
        Encoding.UTF8.GetBytes($"maci-keyring/v1/key\0{name}\0{KeyType}\0{pubKey}\0{source}\0{hdPath}");

    private static string SourceText(KeySource source) => source == KeySource.Mnemonic ? "mnemonic" : "privateKey";

    private static KeySource ParseSource(string text) => text == "mnemonic" ? KeySource.Mnemonic : KeySource.PrivateKey;

    private static KeyringException NotFound(string nameOrAddress) =>
        new(KeyringError.NotFound, $"no key named '{nameOrAddress}' in the keyring");

    private static KeyringException WrongPassphrase() =>
        new(KeyringError.WrongPassphrase, "wrong keyring passphrase");

    private KeyringException Corrupt(string what, Exception? inner = null) =>
        new(KeyringError.Corrupt, $"keyring file {FilePath} is corrupt: {what}", inner);
}
