using Maci.Crypto.Bn254;

namespace Maci.Crypto.Trees;

/// <summary>
/// A path proof in the layout of circomlib-style quin trees: for each level from the leaves up, the position of the
/// path node among its siblings and the other arity − 1 siblings in left-to-right order.
/// </summary>
public sealed record MerkleProof(long LeafIndex, Fr Leaf, int[] PathIndices, Fr[][] PathElements);
