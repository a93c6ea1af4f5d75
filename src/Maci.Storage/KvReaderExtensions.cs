namespace Maci.Storage;

/// <summary>Conveniences over <see cref="IKvReader"/> for keepers.</summary>
public static class KvReaderExtensions
{
    /// <summary>Iterates every key that starts with <paramref name="prefix"/> (keys are returned whole).</summary>
    public static IKvIterator IteratePrefix(this IKvReader reader, ReadOnlySpan<byte> prefix, bool reverse = false) =>
        reader.Iterate(prefix, KeyPrefix.End(prefix), reverse);
}
