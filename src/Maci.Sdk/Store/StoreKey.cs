namespace Maci.Sdk.Store;

/// <summary>
/// Names a module's store. The storage layer gives each registered name its own prefix-free key range;
/// a module reaches only its own range through <see cref="Context.Store"/>.
/// </summary>
public sealed record StoreKey(string Name);
