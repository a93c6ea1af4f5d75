namespace Maci.Storage.Memory;

internal sealed class MemWriteBatch : IKvWriteBatch
{
    internal List<KvEntry> Operations { get; } = [];

    public int Count => Operations.Count;

    public void Put(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value) => Operations.Add(new KvEntry(key.ToArray(), value.ToArray()));

    public void Delete(ReadOnlySpan<byte> key) => Operations.Add(new KvEntry(key.ToArray(), null));

    public void Dispose() => Operations.Clear();
}
