namespace Maci.Crypto.Cosmos.Keyring;

/// <summary>Settings for new keyring entries (existing entries keep the parameters stored with them).</summary>
public sealed record KeyringOptions
{
    public const int DefaultIterations = 600_000;
    public const int MinIterations = 1_000;
    public const int MaxIterations = 10_000_000;

    /// <summary>PBKDF2-HMAC-SHA256 iterations for new entries (600,000 by default; lower only in tests).</summary>
    public int Pbkdf2Iterations { get; init; } = DefaultIterations;

    /// <summary>How long to wait for another process's lock on the keyring file.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
