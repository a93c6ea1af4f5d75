namespace Maci.Storage;

/// <summary>How <see cref="RocksKvStore.Open"/> opens a database.</summary>
public sealed record RocksOptions
{
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>Background flush/compaction threads.</summary>
    public int Parallelism { get; init; } = Math.Max(2, Environment.ProcessorCount);
}
