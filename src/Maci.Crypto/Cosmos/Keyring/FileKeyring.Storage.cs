using System.Security.Cryptography;
using System.Text.Json;

namespace Maci.Crypto.Cosmos.Keyring;

public sealed partial class FileKeyring
{
    private const int FileVersion = 1;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = PrivateFile | UnixFileMode.UserExecute;

    /// <summary>Reads and validates the keyring; a missing file is an empty keyring.</summary>
    private KeyringFileModel Load()
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(FilePath);
        }
        catch (FileNotFoundException)
        {
            return new KeyringFileModel(FileVersion, []);
        }
        catch (DirectoryNotFoundException)
        {
            return new KeyringFileModel(FileVersion, []);
        }
        KeyringFileModel? file;
        try
        {
            // Tolerate a UTF-8 byte order mark left by an editor.
            var json = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes;
            file = JsonSerializer.Deserialize(json, KeyringJsonContext.Default.KeyringFileModel);
        }
        catch (JsonException e)
        {
            throw Corrupt($"not valid keyring JSON ({e.Message})", e);
        }
        if (file is null)
            throw Corrupt("the file holds JSON null");
        Validate(file);
        return file;
    }

    private void Validate(KeyringFileModel file)
    {
        if (file.Version != FileVersion)
            throw Corrupt($"unsupported version {file.Version} (this build reads version {FileVersion})");
        if (file.Keys.Count > 0 && file.Check is null)
            throw Corrupt("the passphrase check value is missing");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pubKeys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (file.Check is not null)
                KeyringCrypto.Validate(file.Check);
            foreach (var k in file.Keys)
            {
                if (!IsValidName(k.Name))
                    throw new FormatException($"invalid key name '{k.Name}'");
                if (!names.Add(k.Name))
                    throw new FormatException($"key name '{k.Name}' appears twice");
                if (k.Type != KeyType)
                    throw new FormatException($"key '{k.Name}' has unsupported type '{k.Type}'");
                if (!Secp256k1.IsValidPublicKey(Convert.FromBase64String(k.PubKey)) || !pubKeys.Add(k.PubKey))
                    throw new FormatException($"key '{k.Name}' has an invalid or repeated public key");
                var pathOk = k.Source switch
                {
                    "mnemonic" => k.HdPath is not null && HdPath.TryParse(k.HdPath, out _),
                    "privateKey" => k.HdPath is null,
                    _ => false,
                };
                if (!pathOk)
                    throw new FormatException($"key '{k.Name}' has an invalid source/hdPath");
                KeyringCrypto.Validate(k.Secret);
            }
        }
        catch (FormatException e)
        {
            throw Corrupt(e.Message, e);
        }
    }

    /// <summary>Read-modify-write under the lock file, written atomically (temp file + rename).</summary>
    private void Update(Func<KeyringFileModel, KeyringFileModel> change)
    {
        var directory = Path.GetDirectoryName(FilePath)!;
        if (!Directory.Exists(directory))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(directory);
            else
                Directory.CreateDirectory(directory, PrivateDirectory);
        }
        using var lockFile = AcquireLock();
        var updated = change(Load());
        var bytes = JsonSerializer.SerializeToUtf8Bytes(updated, KeyringJsonContext.Default.KeyringFileModel);
        var temp = Path.Combine(directory, $".{Path.GetFileName(FilePath)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = PrivateFile;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, FilePath, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    private FileStream AcquireLock()
    {
        var lockPath = FilePath + ".lock";
        var deadline = Environment.TickCount64 + (long)_options.LockTimeout.TotalMilliseconds;
        while (true)
        {
            try
            {
                // The lock file is left in place: deleting it on close would let two writers lock different inodes.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (Environment.TickCount64 < deadline)
            {
                Thread.Sleep(50);
            }
            catch (IOException e)
            {
                throw new KeyringException(KeyringError.Locked, $"keyring {FilePath} is locked by another process ({lockPath})", e);
            }
        }
    }
}
