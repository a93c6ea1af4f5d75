namespace Maci.Node.Chain;

/// <summary>A CometBFT block header (v0.38 field set).</summary>
public sealed record Header(
    ConsensusVersion Version,
    string ChainId,
    long Height,
    ChainTime Time,
    BlockId LastBlockId,
    byte[] LastCommitHash,
    byte[] DataHash,
    byte[] ValidatorsHash,
    byte[] NextValidatorsHash,
    byte[] ConsensusHash,
    byte[] AppHash,
    byte[] LastResultsHash,
    byte[] EvidenceHash,
    byte[] ProposerAddress)
{
    /// <summary>
    /// The header hash: a simple Merkle root over the 14 fields, each in its protobuf form (Version,
    /// StringValue, Int64Value, Timestamp, BlockID, then BytesValue wrappers; empty values encode empty).
    /// CometBFT returns no hash while ValidatorsHash is empty; so does this.
    /// </summary>
    public byte[] ComputeHash()
    {
        if (ValidatorsHash.Length == 0) return [];
        return MerkleTree.Root(CometProto.HeaderHashFields(this));
    }
}
