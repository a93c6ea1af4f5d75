namespace Maci.Storage;

/// <summary>
/// A registered module store. Its keys live under the prefix <c>len(name) ‖ name</c>; the set of such
/// prefixes is prefix-free, so no module's range overlaps another's.
/// </summary>
public sealed class ModuleStoreKey
{
    internal ModuleStoreKey(string name)
    {
        Name = name;
        Prefix = [(byte)name.Length, .. System.Text.Encoding.ASCII.GetBytes(name)];
    }

    public string Name { get; }

    internal byte[] Prefix { get; }

    /// <summary>The key under which the app hash commits a module key: prefix ‖ key.</summary>
    public byte[] FullKey(ReadOnlySpan<byte> key) => KeyPrefix.Concat(Prefix, key);

    public override string ToString() => Name;
}
