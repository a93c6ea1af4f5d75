namespace Maci.Storage;

/// <summary>A forward cursor over a key range. Key and Value are valid until the next call to <see cref="Next"/>.</summary>
public interface IKvIterator : IDisposable
{
    bool Valid { get; }

    ReadOnlySpan<byte> Key { get; }

    ReadOnlySpan<byte> Value { get; }

    void Next();
}
