using System.Text.Json.Serialization;

namespace Maci.Crypto.Cosmos.Keyring;

// On-disk JSON shapes of the keyring file (version 1). Byte fields are base64.

internal sealed record KeyringFileModel(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("keys")] List<KeyEntryModel> Keys,
    [property: JsonPropertyName("check")] SealedBox? Check = null);

internal sealed record KeyEntryModel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("pubKey")] string PubKey,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("secret")] SealedBox Secret,
    [property: JsonPropertyName("hdPath")] string? HdPath = null);

/// <summary>PBKDF2-HMAC-SHA256 → AES-256-GCM ciphertext with its own salt and nonce.</summary>
internal sealed record SealedBox(
    [property: JsonPropertyName("kdf")] string Kdf,
    [property: JsonPropertyName("iterations")] int Iterations,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("cipher")] string Cipher,
    [property: JsonPropertyName("nonce")] string Nonce,
    [property: JsonPropertyName("ciphertext")] string Ciphertext,
    [property: JsonPropertyName("tag")] string Tag);

/// <summary>The decrypted secret of one entry.</summary>
internal sealed record KeySecretModel(
    [property: JsonPropertyName("privateKey")] string PrivateKey,
    [property: JsonPropertyName("mnemonic")] string? Mnemonic = null);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(KeyringFileModel))]
[JsonSerializable(typeof(KeySecretModel))]
internal sealed partial class KeyringJsonContext : JsonSerializerContext;
