using Maci.Storage;

namespace Maci.Node.Store;

/// <summary>
/// Collects the writes of one block: into an atomic, synced batch when the store is an
/// <see cref="IKvDatabase"/>, straight into the store otherwise.
/// </summary>
internal sealed class KvWriter : IDisposable
{
    private readonly IKvStore _store;
    private readonly IKvDatabase? _db;
    private readonly IKvWriteBatch? _batch;

    public KvWriter(IKvStore store)
    {
        _store = store;
        if (store is IKvDatabase db)
        {
            _db = db;
            _batch = db.NewBatch();
        }
    }

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_batch is not null) _batch.Put(key, value);
        else _store.Set(key, value);
    }

    /// <summary>Makes the writes durable (a no-op for plain stores, which applied them already).</summary>
    public void Commit()
    {
        if (_batch is not null) _db!.Write(_batch, sync: true);
    }

    public void Dispose() => _batch?.Dispose();
}
