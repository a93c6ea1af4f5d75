using Maci.Storage;

namespace Maci.Sdk.Tests.Support;

/// <summary>A read-only store with nothing in it, as the root under caches in tests.</summary>
public sealed class EmptyStore : IKvReader
{
    public byte[]? Get(ReadOnlySpan<byte> key) => null;

    public bool Has(ReadOnlySpan<byte> key) => false;

    public IKvIterator Iterate(ReadOnlySpan<byte> start, ReadOnlySpan<byte> end, bool reverse = false) => new Nothing();

    private sealed class Nothing : IKvIterator
    {
        public bool Valid => false;
        public ReadOnlySpan<byte> Key => throw new InvalidOperationException();
        public ReadOnlySpan<byte> Value => throw new InvalidOperationException();
        public void Next() => throw new InvalidOperationException();
        public void Dispose() { }
    }
}
