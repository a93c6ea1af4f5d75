using System.Runtime.CompilerServices;
using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Trees;

/// <summary>
/// An incremental Poseidon Merkle tree of arity 2..5 (aMACI uses 5 with H5 nodes) over an <see cref="ITreeNodeStore"/>.
/// Updating a leaf rewrites its path (depth hashes); nodes never written read as the zero hash of their level, which
/// starts from the chosen zero leaf: H10(0×10) for the state tree, 0 for the others (amaci-protocol §3.1).
/// </summary>
[SkipLocalsInit]
public sealed partial class PoseidonMerkleTree
{
    public const int MaxArity = 5;

    private readonly ITreeNodeStore _store;
    private readonly Fr[] _zeros;

    public PoseidonMerkleTree(int arity, int depth, Fr zeroLeaf, ITreeNodeStore store, long nextIndex = 0)
    {
        if (arity is < 2 or > MaxArity) throw new ArgumentOutOfRangeException(nameof(arity), arity, "arity must be 2..5");
        Capacity = CapacityOf(arity, depth);
        if (nextIndex < 0 || nextIndex > Capacity) throw new ArgumentOutOfRangeException(nameof(nextIndex));
        Arity = arity;
        Depth = depth;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _zeros = ZeroHashes(arity, depth, zeroLeaf);
        NextIndex = nextIndex;
    }

    /// <summary>A quinary tree, the shape of every aMACI tree.</summary>
    public static PoseidonMerkleTree Quinary(int depth, Fr zeroLeaf, ITreeNodeStore? store = null, long nextIndex = 0) =>
        new(5, depth, zeroLeaf, store ?? new InMemoryTreeNodeStore(), nextIndex);

    public int Arity { get; }

    public int Depth { get; }

    /// <summary>arity^depth leaves.</summary>
    public long Capacity { get; }

    /// <summary>The index <see cref="Insert"/> writes next (one past the highest leaf inserted so far).</summary>
    public long NextIndex { get; private set; }

    public Fr Root => GetNode(Depth, 0);

    public Fr ZeroHash(int level) => _zeros[level];

    public Fr GetLeaf(long index) => GetNode(0, CheckIndex(index));

    public Fr GetNode(int level, long index)
    {
        if (level < 0 || level > Depth) throw new ArgumentOutOfRangeException(nameof(level));
        return _store.TryGet(level, index, out var v) ? v : _zeros[level];
    }

    /// <summary>Writes the leaf at <see cref="NextIndex"/> and returns its index.</summary>
    public long Insert(in Fr leaf)
    {
        if (NextIndex >= Capacity) throw new InvalidOperationException($"the tree is full ({Capacity} leaves)");
        var index = NextIndex;
        Update(index, leaf);
        return index;
    }

    /// <summary>Sets a leaf and recomputes the hashes on its path to the root.</summary>
    public void Update(long index, in Fr leaf)
    {
        CheckIndex(index);
        _store.Set(0, index, leaf);
        Span<Fr> children = stackalloc Fr[Arity];
        var current = leaf;
        var position = index;
        for (var level = 0; level < Depth; level++)
        {
            var first = position - position % Arity;
            for (var i = 0; i < Arity; i++)
                children[i] = first + i == position ? current : GetNode(level, first + i);
            current = HashChildren(children);
            position /= Arity;
            _store.Set(level + 1, position, current);
        }
        if (index >= NextIndex) NextIndex = index + 1;
    }

    public MerkleProof GetProof(long index)
    {
        CheckIndex(index);
        var indices = new int[Depth];
        var elements = new Fr[Depth][];
        var position = index;
        for (var level = 0; level < Depth; level++)
        {
            var slot = (int)(position % Arity);
            var first = position - slot;
            indices[level] = slot;
            elements[level] = new Fr[Arity - 1];
            for (int i = 0, k = 0; i < Arity; i++)
                if (i != slot) elements[level][k++] = GetNode(level, first + i);
            position /= Arity;
        }
        return new MerkleProof(index, GetLeaf(index), indices, elements);
    }

    /// <summary>Recomputes the root from a proof; true when it equals <paramref name="root"/>.</summary>
    public static bool VerifyProof(int arity, in Fr root, MerkleProof proof)
    {
        if (arity is < 2 or > MaxArity) throw new ArgumentOutOfRangeException(nameof(arity));
        if (proof.PathIndices.Length != proof.PathElements.Length) return false;
        Span<Fr> children = stackalloc Fr[arity];
        var current = proof.Leaf;
        var position = proof.LeafIndex;
        for (var level = 0; level < proof.PathIndices.Length; level++)
        {
            var slot = proof.PathIndices[level];
            if (slot < 0 || slot >= arity || proof.PathElements[level].Length != arity - 1 || position % arity != slot) return false;
            for (int i = 0, k = 0; i < arity; i++)
                children[i] = i == slot ? current : proof.PathElements[level][k++];
            current = Hash(children);
            position /= arity;
        }
        return position == 0 && current == root;
    }

    private Fr HashChildren(ReadOnlySpan<Fr> children) => Hash(children);

    private static Fr Hash(ReadOnlySpan<Fr> children) => PoseidonHash.Hash(children);

    private long CheckIndex(long index) =>
        index >= 0 && index < Capacity ? index : throw new ArgumentOutOfRangeException(nameof(index), index, $"leaf index must be below {Capacity}");
}
