namespace Maci.Storage;

/// <summary>Tuning for <see cref="CommitStore"/>.</summary>
public sealed record CommitStoreOptions
{
    /// <summary>
    /// Tree nodes at this depth or shallower stay in memory between commits (about 2^(depth+1)
    /// nodes of ~150 bytes at most); deeper nodes are read from the database when a commit touches them.
    /// </summary>
    public int NodeCacheDepth { get; init; } = 16;

    /// <summary>Fsync the write-ahead log at every commit (keep true outside benchmarks).</summary>
    public bool SyncCommits { get; init; } = true;
}
