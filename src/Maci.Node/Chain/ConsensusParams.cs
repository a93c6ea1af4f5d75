using System.Security.Cryptography;

namespace Maci.Node.Chain;

/// <summary>The consensus parameters the host reports (genesis, consensus hash).</summary>
public sealed record ConsensusParams(
    long BlockMaxBytes = 22020096,
    long BlockMaxGas = -1,
    long EvidenceMaxAgeNumBlocks = 100000,
    long EvidenceMaxAgeDurationNs = 172800000000000,
    long EvidenceMaxBytes = 1048576,
    IReadOnlyList<string>? PubKeyTypes = null,
    ulong AppVersion = 0,
    long VoteExtensionsEnableHeight = 0)
{
    public IReadOnlyList<string> PubKeyTypeList => PubKeyTypes ?? ["ed25519"];

    /// <summary>ConsensusHash: sha256 of HashedParams{block_max_bytes, block_max_gas}.</summary>
    public byte[] ComputeHash() =>
        SHA256.HashData(new ProtoWriter().Int64(1, BlockMaxBytes).Int64(2, BlockMaxGas).ToArray());
}
