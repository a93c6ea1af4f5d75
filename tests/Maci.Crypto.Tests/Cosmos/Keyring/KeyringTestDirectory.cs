using Maci.Crypto.Cosmos.Keyring;

namespace Maci.Crypto.Tests.Cosmos.Keyring;

/// <summary>A temporary node home with a fast-KDF keyring, deleted after the test.</summary>
internal sealed class KeyringTestDirectory : IDisposable
{
    public const string Passphrase = "correct horse battery";
    public static readonly KeyringOptions FastOptions = new() { Pbkdf2Iterations = 1_000, LockTimeout = TimeSpan.FromMilliseconds(300) };

    public KeyringTestDirectory()
    {
        Home = Path.Combine(Path.GetTempPath(), "maci-keyring-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Home);
    }

    public string Home { get; }

    public string FilePath => Path.Combine(Home, FileKeyring.DefaultFileName);

    public FileKeyring Open(string prefix = "maci", KeyringOptions? options = null) =>
        FileKeyring.ForHome(Home, prefix, options ?? FastOptions);

    public void Dispose()
    {
        try { Directory.Delete(Home, recursive: true); }
        catch (IOException) { }
    }
}
