using System.Security.Cryptography;
using System.Text;
using Maci.Crypto.Cosmos;
using Maci.Crypto.Cosmos.Keyring;

namespace Maci.Crypto.Tests.Cosmos.Keyring;

public sealed class FileKeyringTests : IDisposable
{
    private const string Pass = KeyringTestDirectory.Passphrase;
    private readonly KeyringTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void AddCreatesA24WordKeyWhoseAddressMatchesTheHdWallet()
    {
        var keyring = _dir.Open();
        var added = keyring.Add("alice", Pass);
        Assert.Equal(24, added.Mnemonic.Split(' ').Length);
        Assert.True(Bip39.IsValidMnemonic(added.Mnemonic));
        var expected = CosmosHdWallet.FromMnemonic(added.Mnemonic);
        Assert.Equal(expected.Bech32Address("maci"), added.Key.Address);
        Assert.Equal(expected.PublicKey.ToArray(), added.Key.PublicKey);
        Assert.Equal(HdPath.CosmosDefault, added.Key.HdPath);
        Assert.Equal(KeySource.Mnemonic, added.Key.Source);
        Assert.Equal(added.Key, keyring.Show("alice"));
        Assert.Equal(added.Key, keyring.Show(added.Key.Address));
        Assert.Equal(expected.Address(), added.Key.AddressBytes());
    }

    [Fact]
    public void KeysPersistAcrossInstancesAndListIsOrderedByName()
    {
        var keyring = _dir.Open();
        keyring.Add("zed", Pass);
        keyring.Import("alice", Bip39Tests.AbandonAbout, Pass);
        keyring.ImportPrivateKey("bob", Secp256k1.GeneratePrivateKey(), Pass);

        var reopened = _dir.Open();
        Assert.Equal(["alice", "bob", "zed"], reopened.List().Select(k => k.Name));
        Assert.Equal(keyring.List(), reopened.List());
        // The same file shown under another prefix gives the same key bytes with a different address text.
        var cosmos = _dir.Open("cosmos");
        Assert.Equal(CosmosHdWallet.FromMnemonic(Bip39Tests.AbandonAbout).Bech32Address("cosmos"), cosmos.Show("alice").Address);
    }

    [Fact]
    public void ImportHonoursPathAndBip39PassphraseAndNormalisesTheMnemonic()
    {
        var keyring = _dir.Open();
        var path = HdPath.Parse("m/44'/118'/1'/0/3");
        var info = keyring.Import("k", "  " + Bip39Tests.AbandonAbout.ToUpperInvariant() + " ", Pass, path, "TREZOR");
        var expected = CosmosHdWallet.FromMnemonic(Bip39Tests.AbandonAbout, "TREZOR", path);
        Assert.Equal(expected.Bech32Address("maci"), info.Address);
        Assert.Equal(path, keyring.Show("k").HdPath);
        Assert.Equal(Bip39Tests.AbandonAbout, keyring.ExportMnemonic("k", Pass));
    }

    [Fact]
    public void SignProducesSignaturesThatVerifyUnderTheStoredKey()
    {
        var keyring = _dir.Open();
        var privateKey = Secp256k1.GeneratePrivateKey();
        var info = keyring.ImportPrivateKey("val", privateKey, Pass);
        Assert.Equal(KeySource.PrivateKey, info.Source);
        Assert.Null(info.HdPath);
        var hash = SHA256.HashData("sign doc bytes"u8);
        var sig = keyring.Sign("val", Pass, hash);
        Assert.True(Secp256k1.Verify(info.PublicKey, hash, sig));
        Assert.Equal(Secp256k1.Sign(privateKey, hash), sig);
        Assert.Equal(privateKey, keyring.Unlock("val", Pass).PrivateKey.ToArray());
        Assert.Throws<ArgumentException>(() => keyring.Sign("val", Pass, new byte[31]));
        Assert.Equal(KeyringError.NoMnemonic, Assert.Throws<KeyringException>(() => keyring.ExportMnemonic("val", Pass)).Error);
    }

    [Fact]
    public void WrongPassphraseIsReportedAsSuch()
    {
        var keyring = _dir.Open();
        keyring.Add("alice", Pass);
        const string wrong = "not the passphrase";
        Assert.Equal(KeyringError.WrongPassphrase, Assert.Throws<KeyringException>(() => keyring.Sign("alice", wrong, new byte[32])).Error);
        Assert.Equal(KeyringError.WrongPassphrase, Assert.Throws<KeyringException>(() => keyring.Unlock("alice", wrong)).Error);
        Assert.Equal(KeyringError.WrongPassphrase, Assert.Throws<KeyringException>(() => keyring.ExportMnemonic("alice", wrong)).Error);
        // A second key must use the keyring's passphrase too.
        var ex = Assert.Throws<KeyringException>(() => keyring.Add("bob", wrong));
        Assert.Equal(KeyringError.WrongPassphrase, ex.Error);
        Assert.Contains("wrong keyring passphrase", ex.Message);
        Assert.Single(keyring.List());
    }

    [Fact]
    public void DuplicateNamesAndKeysAreRefusedWithoutChangingTheFile()
    {
        var keyring = _dir.Open();
        keyring.Import("alice", Bip39Tests.AbandonAbout, Pass);
        var before = File.ReadAllBytes(_dir.FilePath);

        var dupName = Assert.Throws<KeyringException>(() => keyring.Add("alice", Pass));
        Assert.Equal(KeyringError.DuplicateName, dupName.Error);
        Assert.Contains("'alice' already exists", dupName.Message);

        var dupKey = Assert.Throws<KeyringException>(() => keyring.Import("alice2", Bip39Tests.AbandonAbout, Pass));
        Assert.Equal(KeyringError.DuplicateKey, dupKey.Error);
        Assert.Contains("'alice'", dupKey.Message);

        Assert.Equal(before, File.ReadAllBytes(_dir.FilePath));
    }

    [Fact]
    public void MissingKeysAreReported()
    {
        var keyring = _dir.Open();
        Assert.Empty(keyring.List());
        Assert.Null(keyring.Find("ghost"));
        Assert.Equal(KeyringError.NotFound, Assert.Throws<KeyringException>(() => keyring.Show("ghost")).Error);
        Assert.Equal(KeyringError.NotFound, Assert.Throws<KeyringException>(() => keyring.Delete("ghost")).Error);
        keyring.Add("alice", Pass);
        Assert.Equal(KeyringError.NotFound, Assert.Throws<KeyringException>(() => keyring.Sign("ghost", Pass, new byte[32])).Error);
        var other = CosmosAddress.Bech32FromPublicKey(Secp256k1.PublicKeyFromPrivate(Secp256k1.GeneratePrivateKey()), "maci");
        Assert.Null(keyring.Find(other));
    }

    [Fact]
    public void DeleteRemovesOnlyThatKeyAndAnEmptyKeyringTakesANewPassphrase()
    {
        var keyring = _dir.Open();
        keyring.Add("a", Pass);
        keyring.Add("b", Pass);
        keyring.Delete("a");
        Assert.Equal(["b"], keyring.List().Select(k => k.Name));
        Assert.NotNull(keyring.Unlock("b", Pass));
        keyring.Delete("b");
        Assert.Empty(keyring.List());
        keyring.Add("c", "another passphrase");
        Assert.NotNull(keyring.Unlock("c", "another passphrase"));
    }

    [Fact]
    public void BadArgumentsAreRejectedBeforeAnythingIsWritten()
    {
        var keyring = _dir.Open();
        Assert.Throws<ArgumentException>(() => keyring.Add("", Pass));
        Assert.Throws<ArgumentException>(() => keyring.Add("-x", Pass));
        Assert.Throws<ArgumentException>(() => keyring.Add("a/b", Pass));
        Assert.Throws<ArgumentException>(() => keyring.Add(new string('a', 65), Pass));
        Assert.Throws<ArgumentException>(() => keyring.Add("alice", "short"));
        Assert.Throws<FormatException>(() => keyring.Import("alice", Bip39Tests.AbandonAbout.Replace("about", "abandon"), Pass));
        Assert.Throws<ArgumentException>(() => keyring.ImportPrivateKey("alice", new byte[32], Pass));
        Assert.False(File.Exists(_dir.FilePath));
        Assert.Throws<ArgumentException>(() => _dir.Open("Maci"));
        Assert.Throws<ArgumentException>(() => _dir.Open("ma ci"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _dir.Open(options: new KeyringOptions { Pbkdf2Iterations = 10 }));
    }

    [Fact]
    public void SecretsAreNotStoredInClearAndTheFileIsPrivate()
    {
        var keyring = _dir.Open();
        var added = keyring.Add("alice", Pass);
        var privateKeyHex = Convert.ToHexStringLower(keyring.Unlock("alice", Pass).PrivateKey);
        var text = File.ReadAllText(_dir.FilePath);
        Assert.DoesNotContain(privateKeyHex, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(added.Mnemonic, text);
        Assert.DoesNotContain(added.Mnemonic.Split(' ')[0] + " " + added.Mnemonic.Split(' ')[1], text);
        Assert.Contains("aes-256-gcm", text);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_dir.FilePath));
        // No temporary files are left behind by the atomic writes.
        Assert.Empty(Directory.GetFiles(_dir.Home, "*.tmp"));
    }

    [Fact]
    public void TwoEntriesWithTheSamePassphraseUseDifferentSaltsAndNonces()
    {
        var keyring = _dir.Open();
        keyring.Add("a", Pass);
        keyring.Add("b", Pass);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_dir.FilePath))!;
        var secrets = json["keys"]!.AsArray().Select(k => k!["secret"]!).ToArray();
        Assert.NotEqual((string)secrets[0]["salt"]!, (string)secrets[1]["salt"]!);
        Assert.NotEqual((string)secrets[0]["nonce"]!, (string)secrets[1]["nonce"]!);
        Assert.Equal(1000, (int)secrets[0]["iterations"]!);
    }

    [Fact]
    public void DefaultOptionsUseAHighIterationCount()
    {
        var keyring = FileKeyring.ForHome(_dir.Home, "maci");
        keyring.ImportPrivateKey("a", Secp256k1.GeneratePrivateKey(), Pass);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(_dir.FilePath))!;
        Assert.Equal(KeyringOptions.DefaultIterations, (int)json["keys"]![0]!["secret"]!["iterations"]!);
        Assert.Equal(KeyringOptions.DefaultIterations, (int)json["check"]!["iterations"]!);
        Assert.NotNull(keyring.Unlock("a", Pass));
    }

    [Fact]
    public void ALockHeldByAnotherWriterTimesOutWithAClearError()
    {
        var keyring = _dir.Open();
        keyring.Add("a", Pass);
        using (new FileStream(_dir.FilePath + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var ex = Assert.Throws<KeyringException>(() => keyring.Add("b", Pass));
            Assert.Equal(KeyringError.Locked, ex.Error);
            Assert.Single(keyring.List()); // reads do not need the lock
        }
        keyring.Add("b", Pass);
        Assert.Equal(2, keyring.List().Count);
    }

    [Fact]
    public async Task ConcurrentWritersDoNotLoseKeys()
    {
        var options = KeyringTestDirectory.FastOptions with { LockTimeout = TimeSpan.FromSeconds(30) };
        _dir.Open(options: options).Add("seed", Pass);
        var names = Enumerable.Range(0, 8).Select(i => $"k{i}").ToArray();
        await Task.WhenAll(names.Select(n => Task.Run(() => _dir.Open(options: options).Add(n, Pass))));
        Assert.Equal(names.Append("seed").Order(StringComparer.Ordinal), _dir.Open().List().Select(k => k.Name));
    }
}
