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
    ValueTask<IReadOnlyList<byte[]>> PrepareProposalAsync(long height, ChainTime time, IReadOnlyList<byte[]> txs, long maxTxBytes,
        byte[] proposerAddress, CancellationToken ct);

    /// <summary>Accepts or rejects the proposed block (the proposer also runs this in v0.38).</summary>
    ValueTask<bool> ProcessProposalAsync(Block block, BlockId blockId, CancellationToken ct);

    /// <summary>Executes the block: exactly one result per tx, in order, plus the new app hash. Must not persist.</summary>
    ValueTask<FinalizeBlockOutcome> FinalizeBlockAsync(Block block, BlockId blockId, CancellationToken ct);

    /// <summary>Persists the state FinalizeBlock produced.</summary>
    ValueTask CommitAsync(CancellationToken ct);

    /// <summary>Mempool admission check (also used for re-checks after each commit).</summary>
    ValueTask<CheckTxResult> CheckTxAsync(byte[] tx, CheckTxKind kind, CancellationToken ct);
}
