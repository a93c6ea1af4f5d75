namespace Maci.Storage;

/// <summary>
/// A durable (or in-memory) ordered store with atomic batches and snapshots: what <see cref="CommitStore"/>
/// needs from a backend. Single writer; snapshots and reads may run concurrently with a write.
/// </summary>
public interface IKvDatabase : IKvStore, IDisposable
{
    IKvWriteBatch NewBatch();

    /// <summary>Applies every operation of <paramref name="batch"/> atomically; <paramref name="sync"/> waits for the disk.</summary>
    void Write(IKvWriteBatch batch, bool sync);

    IKvSnapshot Snapshot();
}
