namespace Maci.Storage;

/// <summary>
/// A set of module stores over one writable layer (the block working set, a transaction branch or a
/// CheckTx branch). A module reaches only its own keys through <see cref="Module(ModuleStoreKey)"/>.
/// </summary>
public sealed class MultiStore
{
    private readonly IKvStore _root;
    private readonly ModuleRegistry _modules;

    internal MultiStore(IKvStore root, ModuleRegistry modules)
    {
        _root = root;
        _modules = modules;
    }

    /// <summary>The store of one module: keys are relative to the module's prefix.</summary>
    public IKvStore Module(ModuleStoreKey key)
    {
        _modules.EnsureRegistered(key);
        return new PrefixKvStore(_root, key.Prefix);
    }

    public IKvStore Module(string name) => new PrefixKvStore(_root, _modules.Get(name).Prefix);

    /// <summary>A cache over this layer (e.g. for one transaction): <see cref="Write"/> it on success, drop it on failure.</summary>
    public MultiStore Branch() => new(new CacheKvStore(_root), _modules);

    /// <summary>True when this layer is a branch that can be written into its parent.</summary>
    public bool IsBranch => _root is CacheKvStore { Parent: IKvStore };

    /// <summary>Flushes this branch's writes into the layer it was branched from.</summary>
    public void Write()
    {
        if (_root is not CacheKvStore cache || cache.Parent is not IKvStore)
            throw new InvalidOperationException("only a branch can be written; commit the working set with CommitStore.Commit");
        cache.Write();
    }

    /// <summary>Drops this layer's pending writes.</summary>
    public void Discard()
    {
        if (_root is CacheKvStore cache) cache.Discard();
    }

    internal IKvStore Root => _root;
}
