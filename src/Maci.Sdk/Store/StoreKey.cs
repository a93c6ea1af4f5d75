namespace Maci.Sdk.Store;

/// <summary>A module's slice of the state: its name and the key prefix every one of its keys starts with.</summary>
public sealed record StoreKey(string Name, byte[] Prefix)
{
    /// <summary>The conventional prefix: the module name's UTF-8 bytes followed by '/'.</summary>
    public static StoreKey ForModule(string name) => new(name, System.Text.Encoding.UTF8.GetBytes(name + "/"));
}
