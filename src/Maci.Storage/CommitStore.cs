using Maci.Storage.Smt;

namespace Maci.Storage;

/// <summary>
/// The chain's committed state: module stores under registered prefixes, a block working set that
/// FinalizeBlock writes into, and <see cref="Commit"/>, which writes the working set and the
/// (height, app hash) metadata in one atomic, synced batch. After a crash the store reopens exactly at
/// the last commit. One writer thread (consensus) calls Working, ComputeAppHash, Commit and
/// DiscardWorking; any thread may call OpenSnapshot and LastCommitted.
/// </summary>
public sealed partial class CommitStore : IDisposable
{
    private readonly IKvDatabase _db;
    private readonly CommitStoreOptions _options;
    private readonly PrefixKvReader _committedState;
    // Guards the pair (database version, tree version) so a snapshot always gets matching ones.
    private readonly Lock _commitLock = new();
    private CommitInfo _last;
    private SparseMerkleTree _tree;
    private CacheKvStore _workingCache;
    private MultiStore _working;

    private CommitStore(IKvDatabase db, CommitStoreOptions? options)
    {
        _db = db;
        _options = options ?? new CommitStoreOptions();
        _committedState = new PrefixKvReader(db, StoreLayout.StatePrefix);
        _last = StoreLayout.ReadMeta(db);
        _tree = StateTreeLoader.Load(_committedState);
        if (!_tree.RootHash.AsSpan().SequenceEqual(_last.AppHash))
            throw new InvalidDataException(
                $"the stored state hashes to {Convert.ToHexString(_tree.RootHash)}, not to the committed app hash {_last}");
        _workingCache = new CacheKvStore(_committedState);
        _working = new MultiStore(_workingCache, Modules);
    }

    /// <summary>Opens (or creates) a RocksDB-backed store in directory <paramref name="path"/>.</summary>
    public static CommitStore Open(string path, CommitStoreOptions? options = null) =>
        Open(RocksKvStore.Open(path), options);

    /// <summary>
    /// Opens a store over <paramref name="db"/>, which it then owns. Rebuilds the Merkle tree from the
    /// state (O(N)) and checks it against the committed app hash.
    /// </summary>
    public static CommitStore Open(IKvDatabase db, CommitStoreOptions? options = null)
    {
        try
        {
            return new CommitStore(db, options);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>A fresh in-memory store (tests, the in-memory node switch).</summary>
    public static CommitStore InMemory(CommitStoreOptions? options = null) => new(new MemKvStore(), options);

    public ModuleRegistry Modules { get; } = new();

    /// <summary>Shorthand for <c>Modules.Register(name)</c>.</summary>
    public ModuleStoreKey RegisterModule(string name) => Modules.Register(name);

    /// <summary>Height and app hash of the last commit; height 0 and the empty-state hash before the first.</summary>
    public CommitInfo LastCommitted => Volatile.Read(ref _last);

    /// <summary>
    /// The current block's working set over the last committed state. It is replaced by a fresh one
    /// after <see cref="Commit"/> and <see cref="DiscardWorking"/>: fetch it again for each block.
    /// Branch it per transaction and write the branch back on success.
    /// </summary>
    public MultiStore Working => _working;

    /// <summary>Drops every write of the current block.</summary>
    public void DiscardWorking()
    {
        _workingCache.Discard();
        _pending = null;
    }

    /// <summary>A read-only snapshot of the last committed state, with its height, app hash and Merkle tree.</summary>
    public StateSnapshot OpenSnapshot()
    {
        lock (_commitLock)
            return new StateSnapshot(_db.Snapshot(), _tree, Modules);
    }

    public void Dispose() => _db.Dispose();
}
