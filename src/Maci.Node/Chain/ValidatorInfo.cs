namespace Maci.Node.Chain;

/// <summary>A validator as the RPC reports it.</summary>
public sealed record ValidatorInfo(byte[] Address, byte[] Ed25519PubKey, long VotingPower, long ProposerPriority = 0)
{
    public static ValidatorInfo From(ValidatorKey key, long power) => new(key.Address, key.PubKey, power);

    /// <summary>ValidatorsHash: Merkle root over SimpleValidator encodings, in set order.</summary>
    public static byte[] ComputeSetHash(IReadOnlyList<ValidatorInfo> set) =>
        MerkleTree.Root(set.Select(v => CometProto.EncodeSimpleValidator(v.Ed25519PubKey, v.VotingPower)).ToArray());
}
