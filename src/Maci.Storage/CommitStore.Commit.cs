using Maci.Storage.Memory;
using Maci.Storage.Smt;

namespace Maci.Storage;

public sealed partial class CommitStore
{
    private const int HashChunk = 512;

    /// <summary>The new tree for one version of the working set, reused by Commit when nothing changed since.</summary>
    private sealed record PendingCommit(CacheKvStore Cache, long Version, KvEntry[] Writes, SparseMerkleTree Tree, byte[] Root);

    private PendingCommit? _pending;

    /// <summary>
    /// The app hash the state would have if the working set were committed now (FinalizeBlock's
    /// app_hash). Persists nothing; <see cref="Commit"/> reuses the work when the working set is unchanged.
    /// </summary>
    public byte[] ComputeAppHash() => (byte[])Pending().Root.Clone();

    /// <summary>
    /// Atomically persists the working set and (height, app hash), waits for the disk (unless disabled
    /// in the options), then starts an empty working set.
    /// </summary>
    public CommitInfo Commit(long height)
    {
        var last = _last;
        if (height <= last.Height)
            throw new ArgumentOutOfRangeException(nameof(height), $"commit height {height} is not above the last committed height {last.Height}");
        var pending = Pending();
        var info = new CommitInfo(height, pending.Root);
        using (var batch = _db.NewBatch())
        {
            foreach (var entry in pending.Writes)
            {
                var key = KeyPrefix.Concat(StoreLayout.StatePrefix, entry.Key);
                if (entry.Value is null) batch.Delete(key);
                else batch.Put(key, entry.Value);
            }
            batch.Put(StoreLayout.MetaKey, StoreLayout.EncodeMeta(height, pending.Root));
            lock (_commitLock)
            {
                _db.Write(batch, _options.SyncCommits);
                _tree = pending.Tree;
                Volatile.Write(ref _last, info);
            }
        }
        _pending = null;
        _workingCache = new CacheKvStore(_committedState);
        _working = new MultiStore(_workingCache, Modules);
        return info;
    }

    private PendingCommit Pending()
    {
        var cache = _workingCache;
        if (_pending is not null && ReferenceEquals(_pending.Cache, cache) && _pending.Version == cache.Version) return _pending;
        var writes = cache.Sorted();

        var changes = new SmtChange[writes.Length];
        Parallel.For(0, (writes.Length + HashChunk - 1) / HashChunk, chunk =>
        {
            for (var i = chunk * HashChunk; i < Math.Min(writes.Length, (chunk + 1) * HashChunk); i++)
            {
                var entry = writes[i];
                changes[i] = new SmtChange(SmtHasher.Hash(entry.Key), entry.Value is null ? null : SmtHasher.Hash(entry.Value));
            }
        });
        Array.Sort(changes, static (a, b) => a.KeyHash.AsSpan().SequenceCompareTo(b.KeyHash));
        for (var j = 1; j < changes.Length; j++)
            if (changes[j].KeyHash.AsSpan().SequenceEqual(changes[j - 1].KeyHash))
                throw new InvalidOperationException("two state keys have the same SHA-256 hash");

        var tree = _tree.Apply(changes);
        _pending = new PendingCommit(cache, cache.Version, writes, tree, tree.RootHash);
        return _pending;
    }
}
