using Maci.Node.Chain;
using Maci.Node.Mempool;

namespace Maci.Node.Producer;

/// <summary>
/// The consensus-side view of the application the embedded producer drives, in CometBFT v0.38's
/// per-height order: PrepareProposal → ProcessProposal → FinalizeBlock → (store) → Commit → re-CheckTx.
/// An adapter over the ABCI application implements it (building CommitInfo from <c>block.LastCommit</c>).
/// </summary>
public interface IBlockApplication
{
    /// <summary>Orders/filters the reaped txs; their Data-encoded size must stay within <paramref name="maxTxBytes"/>.</summary>
    IReadOnlyList<byte[]> PrepareProposal(long height, ChainTime time, IReadOnlyList<byte[]> txs, long maxTxBytes, byte[] proposerAddress);

    /// <summary>Accepts or rejects the proposed block (the proposer also runs this in v0.38).</summary>
    bool ProcessProposal(Block block, BlockId blockId);

    /// <summary>Executes the block: exactly one result per tx, in order, plus the new app hash. Must not persist.</summary>
    FinalizeBlockOutcome FinalizeBlock(Block block, BlockId blockId);

    /// <summary>Persists the state FinalizeBlock produced.</summary>
    void Commit();

    /// <summary>Mempool admission check (also used for re-checks after each commit).</summary>
    CheckTxResult CheckTx(byte[] tx, CheckTxKind kind);
}
