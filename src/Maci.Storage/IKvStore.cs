namespace Maci.Storage;

/// <summary>A writable ordered byte-key store.</summary>
public interface IKvStore : IKvReader
{
    void Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(ReadOnlySpan<byte> key);
}
