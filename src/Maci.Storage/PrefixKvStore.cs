namespace Maci.Storage;

/// <summary>A writable prefix view: every key written or read is <c>prefix + key</c> in the parent.</summary>
public sealed class PrefixKvStore(IKvStore parent, ReadOnlySpan<byte> prefix) : PrefixKvReader(parent, prefix), IKvStore
{
    public void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => parent.Set(Full(key), value);

    public void Delete(ReadOnlySpan<byte> key) => parent.Delete(Full(key));
}
