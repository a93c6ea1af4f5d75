namespace Maci.Storage;

/// <summary>The module stores of a chain, by name. Register every module at startup, before use.</summary>
public sealed class ModuleRegistry
{
    private readonly Dictionary<string, ModuleStoreKey> _byName = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Registers a module store; names are 1–32 chars of [a-z0-9_], starting with a letter.</summary>
    public ModuleStoreKey Register(string name)
    {
        Validate(name);
        lock (_lock)
        {
            if (_byName.ContainsKey(name)) throw new InvalidOperationException($"module store '{name}' is already registered");
            var key = new ModuleStoreKey(name);
            _byName.Add(name, key);
            return key;
        }
    }

    public ModuleStoreKey Get(string name)
    {
        lock (_lock)
            return _byName.TryGetValue(name, out var key)
                ? key
                : throw new KeyNotFoundException($"module store '{name}' is not registered");
    }

    public bool TryGet(string name, out ModuleStoreKey? key)
    {
        lock (_lock) return _byName.TryGetValue(name, out key);
    }

    internal void EnsureRegistered(ModuleStoreKey key)
    {
        lock (_lock)
            if (!_byName.TryGetValue(key.Name, out var known) || !ReferenceEquals(known, key))
                throw new InvalidOperationException($"module store '{key.Name}' is not registered with this store");
    }

    private static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var ok = name.Length is >= 1 and <= 32 && name[0] is >= 'a' and <= 'z';
        foreach (var c in name) ok &= c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_';
        if (!ok) throw new ArgumentException($"invalid module store name '{name}': use 1-32 chars of [a-z0-9_], starting with a letter", nameof(name));
    }
}
