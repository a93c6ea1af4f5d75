namespace Maci.Node.Chain;

/// <summary>One validator's entry in a commit.</summary>
public sealed record CommitSig(BlockIdFlag Flag, byte[] ValidatorAddress, ChainTime Timestamp, byte[] Signature);
