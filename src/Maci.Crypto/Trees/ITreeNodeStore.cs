using Maci.Crypto.Bn254;

namespace Maci.Crypto.Trees;

/// <summary>
/// Where a <see cref="PoseidonMerkleTree"/> keeps its nodes. Level 0 holds the leaves and level <c>depth</c> the
/// root; index counts from the left within a level. Only nodes that were ever written are stored: a missing node
/// is the zero hash of its level, so a depth-9 state tree costs storage in proportion to its sign-ups.
/// </summary>
public interface ITreeNodeStore
{
    bool TryGet(int level, long index, out Fr value);

    void Set(int level, long index, in Fr value);
}
