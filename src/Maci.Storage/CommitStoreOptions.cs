namespace Maci.Storage;

/// <summary>Tuning for <see cref="CommitStore"/>.</summary>
public sealed record CommitStoreOptions
{
    /// <summary>Fsync the write-ahead log at every commit (keep true outside benchmarks).</summary>
    public bool SyncCommits { get; init; } = true;
}
