namespace Maci.Storage;

/// <summary>
/// A read view of the keys of <paramref name="parent"/> that start with a prefix, with the prefix
/// removed. Nothing outside the prefix can be read or iterated through it.
/// </summary>
public class PrefixKvReader(IKvReader parent, ReadOnlySpan<byte> prefix) : IKvReader
{
    private readonly byte[] _prefix = prefix.ToArray();
    private readonly byte[] _prefixEnd = KeyPrefix.End(prefix);

    public ReadOnlySpan<byte> Prefix => _prefix;

    public byte[]? Get(ReadOnlySpan<byte> key) => parent.Get(Full(key));

    public bool Has(ReadOnlySpan<byte> key) => parent.Has(Full(key));

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false)
    {
        var parentEnd = end.IsEmpty ? _prefixEnd : Full(end);
        return new PrefixIterator(parent.Iterate(Full(start), parentEnd, reverse), _prefix.Length);
    }

    protected byte[] Full(ReadOnlySpan<byte> key) => KeyPrefix.Concat(_prefix, key);

    private sealed class PrefixIterator(IKvIterator inner, int prefixLength) : IKvIterator
    {
        public bool Valid => inner.Valid;

        public ReadOnlySpan<byte> Key => inner.Key[prefixLength..];

        public ReadOnlySpan<byte> Value => inner.Value;

        public void Next() => inner.Next();

        public void Dispose() => inner.Dispose();
    }
}
