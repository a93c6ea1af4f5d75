using System.Text;
using System.Text.Json.Nodes;
using Maci.Crypto.Cosmos;
using Maci.Crypto.Cosmos.Keyring;

namespace Maci.Crypto.Tests.Cosmos.Keyring;

public sealed class FileKeyringCorruptionTests : IDisposable
{
    private const string Pass = KeyringTestDirectory.Passphrase;
    private readonly KeyringTestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{\"version\":1")]
    [InlineData("{\"version\":2,\"keys\":[]}")]
    [InlineData("{\"version\":1}")]
    public void UnreadableFilesAreReportedAsCorrupt(string content)
    {
        File.WriteAllText(_dir.FilePath, content);
        var keyring = _dir.Open();
        AssertCorrupt(() => keyring.List());
        AssertCorrupt(() => keyring.Add("a", Pass));
        Assert.Equal(content, File.ReadAllText(_dir.FilePath)); // never overwritten
    }

    [Fact]
    public void TamperedCiphertextWithTheRightPassphraseIsCorruptNotWrongPassphrase()
    {
        MakeKeyring();
        Edit(json =>
        {
            var secret = json["keys"]![0]!["secret"]!;
            var ct = Convert.FromBase64String((string)secret["ciphertext"]!);
            ct[3] ^= 1;
            secret["ciphertext"] = Convert.ToBase64String(ct);
        });
        var ex = AssertCorrupt(() => _dir.Open().Unlock("alice", Pass));
        Assert.Contains("altered", ex.Message);
        // With a wrong passphrase the keyring cannot tell, and says the passphrase is wrong.
        Assert.Equal(KeyringError.WrongPassphrase,
            Assert.Throws<KeyringException>(() => _dir.Open().Unlock("alice", "wrong passphrase")).Error);
    }

    [Fact]
    public void AlteredMetadataFailsAuthentication()
    {
        MakeKeyring();
        Edit(json => json["keys"]![0]!["hdPath"] = "m/44'/118'/0'/0/1");
        AssertCorrupt(() => _dir.Open().Unlock("alice", Pass));
    }

    [Fact]
    public void SwappedPublicKeysAreDetected()
    {
        MakeKeyring();
        Edit(json =>
        {
            var keys = json["keys"]!.AsArray();
            var a = (string)keys[0]!["pubKey"]!;
            keys[0]!["pubKey"] = (string)keys[1]!["pubKey"]!;
            keys[1]!["pubKey"] = a;
        });
        AssertCorrupt(() => _dir.Open().Sign("alice", Pass, new byte[32]));
    }

    [Fact]
    public void RenamedEntryFailsAuthentication()
    {
        MakeKeyring();
        Edit(json => json["keys"]![0]!["name"] = "mallory");
        AssertCorrupt(() => _dir.Open().Unlock("mallory", Pass));
    }

    public static TheoryData<string, string?> BadFieldEdits => new()
    {
        { "name", "bad name" },
        { "name", "bob" },                 // duplicate name
        { "type", "ed25519" },
        { "pubKey", "AAAA" },
        { "pubKey", "not base64!" },
        { "source", "ledger" },
        { "hdPath", null },               // mnemonic keys need a path
        { "hdPath", "x/1" },
    };

    [Theory]
    [MemberData(nameof(BadFieldEdits))]
    public void InvalidFieldsAreRejectedOnLoad(string field, string? value)
    {
        MakeKeyring();
        Edit(json => json["keys"]![0]![field] = value);
        AssertCorrupt(() => _dir.Open().List());
    }

    public static TheoryData<string, JsonNode?> BadSecretEdits => new()
    {
        { "iterations", 10 },
        { "salt", Convert.ToBase64String(new byte[8]) },
        { "nonce", Convert.ToBase64String(new byte[16]) },
        { "tag", "" },
        { "kdf", "scrypt" },
        { "cipher", "aes-128-cbc" },
        { "ciphertext", null },
    };

    [Theory]
    [MemberData(nameof(BadSecretEdits))]
    public void InvalidSecretParametersAreRejectedOnLoad(string field, JsonNode? value)
    {
        MakeKeyring();
        Edit(json => json["keys"]![0]!["secret"]![field] = value?.DeepClone());
        AssertCorrupt(() => _dir.Open().List());
    }

    [Fact]
    public void MissingCheckValueIsCorrupt()
    {
        MakeKeyring();
        Edit(json => json.AsObject().Remove("check"));
        AssertCorrupt(() => _dir.Open().List());
    }

    [Fact]
    public void AByteOrderMarkLeftByAnEditorIsTolerated()
    {
        MakeKeyring();
        var text = File.ReadAllText(_dir.FilePath);
        File.WriteAllText(_dir.FilePath, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, File.ReadAllBytes(_dir.FilePath)[0]);
        Assert.Equal(2, _dir.Open().List().Count);
        Assert.NotNull(_dir.Open().Unlock("alice", Pass));
    }

    private void MakeKeyring()
    {
        var keyring = _dir.Open();
        keyring.Import("alice", Bip39Tests.AbandonAbout, Pass);
        keyring.Add("bob", Pass);
        Assert.Equal(2, keyring.List().Count);
    }

    private void Edit(Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(_dir.FilePath))!;
        change(json);
        File.WriteAllText(_dir.FilePath, json.ToJsonString(), Encoding.UTF8);
    }

    private static KeyringException AssertCorrupt(Action action)
    {
        var ex = Assert.Throws<KeyringException>(action);
        Assert.Equal(KeyringError.Corrupt, ex.Error);
        Assert.Contains("is corrupt", ex.Message);
        return ex;
    }

    private static KeyringException AssertCorrupt(Func<object> action) => AssertCorrupt(() => { _ = action(); });
}
