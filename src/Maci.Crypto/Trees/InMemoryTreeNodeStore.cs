using Maci.Crypto.Bn254;

namespace Maci.Crypto.Trees;

/// <summary>A dictionary-backed <see cref="ITreeNodeStore"/> (tests, off-chain tools, rebuilding trees in memory).</summary>
public sealed class InMemoryTreeNodeStore : ITreeNodeStore
{
    private readonly Dictionary<(int Level, long Index), Fr> _nodes = new();

    /// <summary>How many nodes have been written (untouched subtrees cost nothing).</summary>
    public int Count => _nodes.Count;

    public bool TryGet(int level, long index, out Fr value) => _nodes.TryGetValue((level, index), out value);

    public void Set(int level, long index, in Fr value) => _nodes[(level, index)] = value;
}
