namespace Maci.Storage.Memory;

/// <summary>One key with its value, or a tombstone (null value) in a write cache. Never mutated.</summary>
internal sealed record KvEntry(byte[] Key, byte[]? Value)
{
    public static IComparer<KvEntry> KeyOrder { get; } = Comparer<KvEntry>.Create(
        static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));

    public bool IsTombstone => Value is null;
}
