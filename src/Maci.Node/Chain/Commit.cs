namespace Maci.Node.Chain;

/// <summary>The +2/3 precommits for a block (here: the single validator's).</summary>
public sealed record Commit(long Height, int Round, BlockId BlockId, IReadOnlyList<CommitSig> Signatures)
{
    /// <summary>The empty commit carried by the block at the initial height.</summary>
    public static Commit Empty { get; } = new(0, 0, BlockId.Empty, []);

    /// <summary>Merkle root over the protobuf encodings of the commit signatures.</summary>
    public byte[] ComputeHash() => MerkleTree.Root(Signatures.Select(CometProto.EncodeCommitSig).ToArray());
}
