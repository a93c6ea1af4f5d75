using Maci.Crypto.Bn254;
using Maci.Crypto.Poseidon;

namespace Maci.Crypto.Trees;

public sealed partial class PoseidonMerkleTree
{
    /// <summary>zeros[0] = zero leaf, zeros[i+1] = H_arity(zeros[i] × arity), for levels 0..depth.</summary>
    public static Fr[] ZeroHashes(int arity, int depth, Fr zeroLeaf)
    {
        if (arity is < 2 or > MaxArity) throw new ArgumentOutOfRangeException(nameof(arity), arity, "arity must be 2..5");
        CapacityOf(arity, depth);
        var zeros = new Fr[depth + 1];
        zeros[0] = zeroLeaf;
        Span<Fr> children = stackalloc Fr[arity];
        for (var i = 0; i < depth; i++)
        {
            children.Fill(zeros[i]);
            zeros[i + 1] = PoseidonHash.Hash(children);
        }
        return zeros;
    }

    /// <summary>The root of a tree whose first leaves are <paramref name="leaves"/> and the rest the zero leaf.</summary>
    public static Fr ComputeRoot(int arity, int depth, Fr zeroLeaf, ReadOnlySpan<Fr> leaves)
    {
        var zeros = ZeroHashes(arity, depth, zeroLeaf);
        if (leaves.Length > CapacityOf(arity, depth))
            throw new ArgumentException($"{leaves.Length} leaves do not fit a depth-{depth} tree of arity {arity}", nameof(leaves));
        var level = leaves.ToArray();
        Span<Fr> children = stackalloc Fr[arity];
        for (var l = 0; l < depth; l++)
        {
            var next = new Fr[(level.Length + arity - 1) / arity];
            for (var p = 0; p < next.Length; p++)
            {
                for (var i = 0; i < arity; i++)
                {
                    var c = p * arity + i;
                    children[i] = c < level.Length ? level[c] : zeros[l];
                }
                next[p] = PoseidonHash.Hash(children);
            }
            level = next;
        }
        return level.Length == 0 ? zeros[depth] : level[0];
    }

    /// <summary>
    /// The contract's heap index of a node: root 0, children of n at arity·n + 1 … arity·n + arity, so leaf k of a
    /// depth-d tree is at (arity^d − 1)/(arity − 1) + k.
    /// </summary>
    public static long HeapIndex(int arity, int depth, int level, long index)
    {
        if (level < 0 || level > depth) throw new ArgumentOutOfRangeException(nameof(level));
        var height = depth - level;
        var width = CapacityOf(arity, height);
        if (index < 0 || index >= width) throw new ArgumentOutOfRangeException(nameof(index));
        return (width - 1) / (arity - 1) + index;
    }

    private static long CapacityOf(int arity, int depth)
    {
        if (depth is < 0 or > 24) throw new ArgumentOutOfRangeException(nameof(depth), depth, "depth must be 0..24");
        long c = 1;
        for (var i = 0; i < depth; i++)
        {
            c *= arity;
            if (c > long.MaxValue / MaxArity) throw new ArgumentOutOfRangeException(nameof(depth), depth, "tree too large");
        }
        return c;
    }
}
