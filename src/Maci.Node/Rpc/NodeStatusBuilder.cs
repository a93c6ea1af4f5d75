using Maci.Node.Chain;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

/// <summary>Builds the status answer from the block store (latest and earliest stored blocks).</summary>
public static class NodeStatusBuilder
{
    /// <summary>
    /// Status as CometBFT computes it: hashes, heights and times from the newest and oldest stored
    /// blocks, app hashes from their headers (the state before each block). Throws while no block exists, since
    /// CosmJS rejects an empty latest_block_hash: produce the first block before serving RPC.
    /// <paramref name="latestHeight"/> (default: the store height) is the height reported as latest, see
    /// <see cref="IChainBackend.LatestHeight"/>.
    /// </summary>
    public static NodeStatus FromStore(BlockStore blocks, NodeInfo nodeInfo, ValidatorInfo validator, long? latestHeight = null)
    {
        var latest = latestHeight ?? blocks.Height;
        if (latest == 0) throw new InvalidOperationException("no blocks yet: produce the first block before serving status");
        var earliest = blocks.Base;
        var latestBlock = blocks.LoadBlock(latest) ?? throw new InvalidOperationException($"block {latest} missing");
        var earliestBlock = blocks.LoadBlock(earliest) ?? throw new InvalidOperationException($"block {earliest} missing");
        return new NodeStatus(
            nodeInfo,
            new SyncInfo(
                blocks.LoadBlockId(latest)!.Hash,
                latestBlock.Header.AppHash,
                latest,
                latestBlock.Header.Time,
                blocks.LoadBlockId(earliest)!.Hash,
                earliestBlock.Header.AppHash,
                earliest,
                earliestBlock.Header.Time),
            validator);
    }

    /// <summary>A CometBFT node id: lowercase hex of the first 20 bytes of sha256 of the node's ed25519 public key.</summary>
    public static string NodeId(ReadOnlySpan<byte> nodePubKey) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(nodePubKey)[..20]).ToLowerInvariant();
}
