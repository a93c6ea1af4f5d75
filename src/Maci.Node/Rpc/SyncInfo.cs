using Maci.Node.Chain;

namespace Maci.Node.Rpc;

/// <summary>Latest and earliest block facts for status.</summary>
public sealed record SyncInfo(
    byte[] LatestBlockHash,
    byte[] LatestAppHash,
    long LatestBlockHeight,
    ChainTime LatestBlockTime,
    byte[] EarliestBlockHash,
    byte[] EarliestAppHash,
    long EarliestBlockHeight,
    ChainTime EarliestBlockTime,
    bool CatchingUp = false);
