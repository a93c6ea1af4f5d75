using Google.Protobuf;
using Maci.Abci;
using Maci.Node.Chain;
using Maci.Node.Mempool;
using Maci.Node.Producer;
using Maci.Proto.Tendermint.Abci;
using CometBlockIdFlag = Maci.Proto.Tendermint.Types.BlockIDFlag;

namespace Maci.Node.Hosting;

/// <summary>
/// Drives an ABCI 2.0 application from the embedded producer: translates the producer's block model into
/// the ABCI requests CometBFT v0.38 would send (decided_last_commit from the block's LastCommit) and the
/// ABCI responses back into the producer's records.
/// </summary>
public sealed class AbciBlockApplication(IAbciApplication app, byte[] nextValidatorsHash, long votingPower) : IBlockApplication
{
    public async ValueTask<IReadOnlyList<byte[]>> PrepareProposalAsync(long height, ChainTime time, IReadOnlyList<byte[]> txs,
        long maxTxBytes, byte[] proposerAddress, CancellationToken ct)
    {
        var request = new RequestPrepareProposal
        {
            MaxTxBytes = maxTxBytes,
            Height = height,
            Time = AbciMapping.ToTimestamp(time),
            NextValidatorsHash = ByteString.CopyFrom(nextValidatorsHash),
            ProposerAddress = ByteString.CopyFrom(proposerAddress),
            LocalLastCommit = new ExtendedCommitInfo(),
        };
        foreach (var tx in txs) request.Txs.Add(UnsafeByteOperations.UnsafeWrap(tx));
        var response = await app.PrepareProposalAsync(request, ct);
        return response.Txs.Select(t => t.ToByteArray()).ToArray();
    }

    public async ValueTask<bool> ProcessProposalAsync(Block block, BlockId blockId, CancellationToken ct)
    {
        var request = new RequestProcessProposal
        {
            Hash = ByteString.CopyFrom(blockId.Hash),
            Height = block.Header.Height,
            Time = AbciMapping.ToTimestamp(block.Header.Time),
            NextValidatorsHash = ByteString.CopyFrom(block.Header.NextValidatorsHash),
            ProposerAddress = ByteString.CopyFrom(block.Header.ProposerAddress),
            ProposedLastCommit = ToCommitInfo(block.LastCommit),
        };
        foreach (var tx in block.Txs) request.Txs.Add(UnsafeByteOperations.UnsafeWrap(tx));
        var response = await app.ProcessProposalAsync(request, ct);
        return response.Status switch
        {
            ResponseProcessProposal.Types.ProposalStatus.Accept => true,
            ResponseProcessProposal.Types.ProposalStatus.Reject => false,
            var s => throw new InvalidOperationException($"ProcessProposal responded with status {s}"),
        };
    }

    public async ValueTask<FinalizeBlockOutcome> FinalizeBlockAsync(Block block, BlockId blockId, CancellationToken ct)
    {
        var request = new RequestFinalizeBlock
        {
            Hash = ByteString.CopyFrom(blockId.Hash),
            Height = block.Header.Height,
            Time = AbciMapping.ToTimestamp(block.Header.Time),
            NextValidatorsHash = ByteString.CopyFrom(block.Header.NextValidatorsHash),
            ProposerAddress = ByteString.CopyFrom(block.Header.ProposerAddress),
            DecidedLastCommit = ToCommitInfo(block.LastCommit),
        };
        foreach (var tx in block.Txs) request.Txs.Add(UnsafeByteOperations.UnsafeWrap(tx));
        var response = await app.FinalizeBlockAsync(request, ct);
        return new FinalizeBlockOutcome(
            response.TxResults.Select(AbciMapping.ToExecTxResult).ToArray(),
            response.Events.Select(AbciMapping.ToEvent).ToArray(),
            response.ValidatorUpdates.Select(AbciMapping.ToValidatorUpdate).ToArray(),
            AbciMapping.ToConsensusParams(response.ConsensusParamUpdates),
            response.AppHash.ToByteArray());
    }

    public async ValueTask CommitAsync(CancellationToken ct) => await app.CommitAsync(new RequestCommit(), ct);

    public async ValueTask<CheckTxResult> CheckTxAsync(byte[] tx, CheckTxKind kind, CancellationToken ct)
    {
        var response = await app.CheckTxAsync(new RequestCheckTx
        {
            Tx = UnsafeByteOperations.UnsafeWrap(tx),
            Type = kind == CheckTxKind.Recheck ? CheckTxType.Recheck : CheckTxType.New,
        }, ct);
        return new CheckTxResult(response.Code, response.Data.Length == 0 ? null : response.Data.ToByteArray(), response.Log,
            response.Info, response.GasWanted, response.GasUsed, response.Events.Select(AbciMapping.ToEvent).ToArray(), response.Codespace);
    }

    private CommitInfo ToCommitInfo(Commit commit)
    {
        var info = new CommitInfo { Round = commit.Round };
        foreach (var sig in commit.Signatures)
            info.Votes.Add(new VoteInfo
            {
                Validator = new Validator { Address = ByteString.CopyFrom(sig.ValidatorAddress), Power = votingPower },
                BlockIdFlag = (CometBlockIdFlag)(int)sig.Flag,
            });
        return info;
    }
}
