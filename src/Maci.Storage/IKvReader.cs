namespace Maci.Storage;

/// <summary>Read side of an ordered byte-key store. Keys compare as unsigned bytes, lexicographically.</summary>
public interface IKvReader
{
    /// <summary>The value stored under <paramref name="key"/>, or null when absent.</summary>
    byte[]? Get(ReadOnlySpan<byte> key);

    bool Has(ReadOnlySpan<byte> key);

    /// <summary>
    /// Iterates keys in [start, end) in ascending order (descending when <paramref name="reverse"/>).
    /// An empty <paramref name="end"/> means "no upper bound".
    /// </summary>
    IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false);
}
