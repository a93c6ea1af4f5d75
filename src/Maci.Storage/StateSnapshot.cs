using Maci.Storage.Smt;

namespace Maci.Storage;

/// <summary>
/// A read-only view of one committed state (a database snapshot and the matching Merkle tree version):
/// a commit that happens meanwhile does not change what it reads or proves. Dispose it when done (it
/// pins old data in RocksDB, and the old tree version in memory until it is collected).
/// </summary>
public sealed class StateSnapshot : IDisposable
{
    private readonly IKvSnapshot _snapshot;
    private readonly ModuleRegistry _modules;
    private readonly PrefixKvReader _state;
    private readonly SparseMerkleTree _tree;

    internal StateSnapshot(IKvSnapshot snapshot, SparseMerkleTree tree, ModuleRegistry modules)
    {
        _snapshot = snapshot;
        _tree = tree;
        _modules = modules;
        _state = new PrefixKvReader(snapshot, StoreLayout.StatePrefix);
        Committed = StoreLayout.ReadMeta(snapshot);
    }

    /// <summary>Height and app hash of the state this snapshot shows.</summary>
    public CommitInfo Committed { get; }

    public long Height => Committed.Height;

    public byte[] AppHash => Committed.AppHash;

    public IKvReader Module(ModuleStoreKey key)
    {
        _modules.EnsureRegistered(key);
        return new PrefixKvReader(_state, key.Prefix);
    }

    public IKvReader Module(string name) => new PrefixKvReader(_state, _modules.Get(name).Prefix);

    /// <summary>A writable cache over this snapshot (the CheckTx state); it can never be written back.</summary>
    public MultiStore Branch() => new(new CacheKvStore(_state), _modules);

    /// <summary>A proof that the module key has its current value (or is absent) under <see cref="AppHash"/>.</summary>
    public SmtProof GetProof(ModuleStoreKey module, ReadOnlySpan<byte> key)
    {
        _modules.EnsureRegistered(module);
        return _tree.Prove(module.FullKey(key));
    }

    /// <summary>The value (null when absent) and its proof, read from the same snapshot.</summary>
    public (byte[]? Value, SmtProof Proof) GetWithProof(ModuleStoreKey module, ReadOnlySpan<byte> key) =>
        (Module(module).Get(key), GetProof(module, key));

    public void Dispose() => _snapshot.Dispose();
}
