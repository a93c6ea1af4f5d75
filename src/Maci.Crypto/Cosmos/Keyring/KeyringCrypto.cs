using System.Security.Cryptography;
using System.Text;

namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>Seals and opens keyring secrets: PBKDF2-HMAC-SHA256 (random 16-byte salt) → AES-256-GCM (random 12-byte nonce).</summary>
internal static class KeyringCrypto
{
    public const string KdfName = "pbkdf2-hmac-sha256";
    public const string CipherName = "aes-256-gcm";
    private const int SaltLength = 16;
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int KeyLength = 32;

    public static SealedBox Seal(ReadOnlySpan<byte> plaintext, string passphrase, int iterations, ReadOnlySpan<byte> associatedData)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var key = DeriveKey(passphrase, salt, iterations);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[TagLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
        return new SealedBox(KdfName, iterations, Convert.ToBase64String(salt), CipherName, Convert.ToBase64String(nonce),
            Convert.ToBase64String(ciphertext), Convert.ToBase64String(tag));
    }

    /// <summary>Decrypts; false when authentication fails (wrong passphrase or altered data).</summary>
    /// <exception cref="FormatException">The box's parameters are malformed.</exception>
    public static bool TryOpen(SealedBox box, string passphrase, ReadOnlySpan<byte> associatedData, out byte[] plaintext)
    {
        Validate(box);
        var salt = Convert.FromBase64String(box.Salt);
        var nonce = Convert.FromBase64String(box.Nonce);
        var ciphertext = Convert.FromBase64String(box.Ciphertext);
        var tag = Convert.FromBase64String(box.Tag);
        var key = DeriveKey(passphrase, salt, box.Iterations);
        plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            plaintext = [];
            return false;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Checks the box's algorithm names, parameter ranges and field lengths.</summary>
    /// <exception cref="FormatException">Something is out of range or not base64 of the right length.</exception>
    public static void Validate(SealedBox box)
    {
        if (box.Kdf != KdfName || box.Cipher != CipherName)
            throw new FormatException($"unsupported kdf/cipher '{box.Kdf}'/'{box.Cipher}'");
        if (box.Iterations is < KeyringOptions.MinIterations or > KeyringOptions.MaxIterations)
            throw new FormatException($"kdf iterations {box.Iterations} out of range");
        CheckLength(box.Salt, SaltLength, "salt");
        CheckLength(box.Nonce, NonceLength, "nonce");
        CheckLength(box.Tag, TagLength, "tag");
        _ = Convert.FromBase64String(box.Ciphertext ?? throw new FormatException("ciphertext is missing"));
    }

    private static void CheckLength(string? b64, int length, string what)
    {
        if (b64 is null || Convert.FromBase64String(b64).Length != length)
            throw new FormatException($"{what} must be {length} bytes");
    }

    private static byte[] DeriveKey(string passphrase, byte[] salt, int iterations)
    {
        var password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, KeyLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
