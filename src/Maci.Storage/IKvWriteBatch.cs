namespace Maci.Storage;

/// <summary>Writes collected for one atomic <see cref="IKvDatabase.Write"/>; later operations on a key win.</summary>
public interface IKvWriteBatch : IDisposable
{
    int Count { get; }

    void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    void Delete(ReadOnlySpan<byte> key);
}
