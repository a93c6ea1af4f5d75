namespace Maci.Node.Chain;

/// <summary>
/// Builds the blocks and commits of the embedded single-validator producer: fills every header hash
/// the way CometBFT does and signs the precommit with the validator key.
/// </summary>
public sealed class BlockFactory(string chainId, ValidatorKey key, long votingPower, ConsensusParams consensusParams, ulong appVersion)
{
    public string ChainId { get; } = chainId;

    public ValidatorKey Key { get; } = key;

    public IReadOnlyList<ValidatorInfo> Validators { get; } = [ValidatorInfo.From(key, votingPower)];

    public ConsensusParams ConsensusParams { get; } = consensusParams;

    /// <summary>
    /// Makes block <paramref name="height"/>. <paramref name="appHash"/> and <paramref name="lastResultsHash"/>
    /// come from the previous height's FinalizeBlock (genesis app hash / empty-results root at the first height).
    /// </summary>
    public Block MakeBlock(long height, ChainTime time, BlockId lastBlockId, Commit lastCommit,
        IReadOnlyList<byte[]> txs, byte[] appHash, byte[] lastResultsHash)
    {
        if (height <= 0) throw new ArgumentOutOfRangeException(nameof(height), "height must be positive");
        var validatorsHash = ValidatorInfo.ComputeSetHash(Validators);
        var header = new Header(
            new ConsensusVersion(ConsensusVersion.BlockProtocol, appVersion),
            ChainId, height, time, lastBlockId,
            lastCommit.ComputeHash(),
            Block.ComputeDataHash(txs),
            validatorsHash,
            validatorsHash,
            ConsensusParams.ComputeHash(),
            appHash,
            lastResultsHash,
            MerkleTree.Root([]),
            Key.Address);
        return new Block(header, txs, lastCommit);
    }

    /// <summary>The commit for a block: one signed precommit from the single validator, round 0.</summary>
    public Commit MakeCommit(long height, BlockId blockId, ChainTime time)
    {
        var signature = Key.Sign(CometProto.PrecommitSignBytes(ChainId, height, 0, blockId, time));
        return new Commit(height, 0, blockId, [new CommitSig(BlockIdFlag.Commit, Key.Address, time, signature)]);
    }
}
