using Google.Protobuf;
using Maci.Modules.Auth.Ante;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Tendermint.Abci;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Abci.App;

public sealed partial class MaciApp
{
    /// <summary>
    /// Executes a decided block on the working set: begin-block hooks, then exactly one ExecTxResult per
    /// tx in order, then end-block hooks; returns the app hash the state would have if committed.
    /// Persists nothing.
    /// </summary>
    public ValueTask<ResponseFinalizeBlock> FinalizeBlockAsync(RequestFinalizeBlock request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (request.Height <= _store.LastCommitted.Height)
                throw new InvalidOperationException($"FinalizeBlock for height {request.Height}, but height {_store.LastCommitted.Height} is already committed");
            if (_blockExecuted)
            {
                // Re-execution of an uncommitted block: start over from the committed state (plus genesis).
                _store.DiscardWorking();
                if (_pendingGenesis is not null) ApplyGenesis(_pendingGenesis);
            }
            var (s, n) = Time(request.Time);
            var ctx = NewContext(_store.Working, request.Height, ExecMode.Finalize, s, n);
            var response = new ResponseFinalizeBlock();

            var begin = ctx with { Events = new() };
            foreach (var m in Modules.Ordered) m.BeginBlock(begin);
            foreach (var e in begin.Events.Events) response.Events.Add(AbciConvert.ToAbci(e));

            var prepared = PrepareAll(request.Txs.Select(t => t.ToByteArray()).ToArray());
            PrecheckSignatures(ctx, prepared);

            foreach (var (err, tx) in prepared)
            {
                var outcome = err is not null ? TxOutcome.Failed(err) : _runner.Run(ctx, tx!);
                response.TxResults.Add(AbciConvert.ToExecTxResult(outcome));
            }

            var end = ctx with { Events = new() };
            foreach (var m in Modules.Ordered) m.EndBlock(end);
            foreach (var e in end.Events.Events) response.Events.Add(AbciConvert.ToAbci(e));

            response.AppHash = ByteString.CopyFrom(_store.ComputeAppHash());
            _pendingHeight = request.Height;
            _blockExecuted = true;
            _lastBlockTimeSeconds = s;
            _lastBlockTimeNanos = n;
            return ValueTask.FromResult(response);
        }
    }

    /// <summary>The stateless stage of every tx, in parallel (results by index, so order-independent).</summary>
    private (SdkError? Error, SdkTx? Tx)[] PrepareAll(byte[][] raws)
    {
        var prepared = new (SdkError? Error, SdkTx? Tx)[raws.Length];
        Parallel.For(0, raws.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Config.SignatureParallelism) }, i =>
        {
            var err = _runner.Prepare(raws[i], out var tx);
            prepared[i] = (err, err is null ? tx : null);
        });
        return prepared;
    }

    /// <summary>
    /// Optional speed-up for a host that sees many txs before checking them (e.g. a batch of queued
    /// CheckTx requests): verifies their signatures in parallel against the CheckTx state, so the following
    /// CheckTx calls hit the verdict cache. Changes no state and no outcome.
    /// </summary>
    public void PreverifySignatures(IReadOnlyList<byte[]> txs)
    {
        lock (_lock)
        {
            var prepared = PrepareAll(txs.ToArray());
            PrecheckSignatures(CheckContext(_checkState, ExecMode.Check), prepared);
        }
    }

    /// <summary>
    /// Verifies the block's signatures in parallel with the keys and account numbers found at block start.
    /// The ante chain uses a result only when its own inputs are identical, so this never changes outcomes.
    /// </summary>
    private void PrecheckSignatures(Context ctx, (SdkError? Error, SdkTx? Tx)[] prepared)
    {
        var reader = ctx with { Mode = ExecMode.Query, State = ctx.State.Branch() };
        var work = new List<(DecodedTx, SignatureCheck[])>(prepared.Length);
        foreach (var (err, tx) in prepared)
        {
            if (err is not null || tx is null) continue;
            var checks = new SignatureCheck[tx.Signers.Length];
            var complete = true;
            for (var i = 0; i < checks.Length && complete; i++)
            {
                var account = Modules.Accounts.GetAccount(reader, tx.Signers[i]);
                var key = tx.Decoded.SignerInfos.Length > i ? tx.Decoded.SignerInfos[i].PublicKey.ToArray() : [];
                if (key.Length == 0 && account?.PubKey is { } stored) key = PubKey.Parser.ParseFrom(stored.Value).Key.ToByteArray();
                complete = account is not null && key.Length == 33;
                if (complete) checks[i] = new SignatureCheck(key, account!.AccountNumber, Config.ChainId);
            }
            if (complete) work.Add((tx.Decoded, checks));
        }
        Modules.Signatures.VerifyMissing(work, Config.SignatureParallelism);
    }

    /// <summary>Persists the executed block (state, Merkle nodes, height and app hash) in one atomic batch.</summary>
    public ValueTask<ResponseCommit> CommitAsync(RequestCommit request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_blockExecuted) throw new InvalidOperationException("Commit without a preceding FinalizeBlock");
            _store.Commit(_pendingHeight);
            _blockExecuted = false;
            _pendingGenesis = null;
            _pendingHeight = 0;
            ResetCheckState();
            return ValueTask.FromResult(new ResponseCommit());
        }
    }
}
