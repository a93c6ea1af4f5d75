using Google.Protobuf;
using Maci.Proto.Tendermint.Abci;
using Maci.Sdk;
using Maci.Storage;

namespace Maci.Abci.App;

public sealed partial class MaciApp
{
    /// <summary>
    /// Admits a tx to the mempool: stateless checks plus the ante chain against the CheckTx state, whose
    /// sequence increments let one account queue consecutive txs. RECHECK (after Commit, against the fresh
    /// state) re-runs the same checks except signature verification.
    /// </summary>
    public ValueTask<ResponseCheckTx> CheckTxAsync(RequestCheckTx request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var mode = request.Type == CheckTxType.Recheck ? ExecMode.ReCheck : ExecMode.Check;
            var outcome = _runner.Run(CheckContext(_checkState, mode), request.Tx.ToByteArray());
            return ValueTask.FromResult(AbciConvert.ToCheckTx(outcome));
        }
    }

    private Context CheckContext(MultiStore state, ExecMode mode) =>
        NewContext(state, _store.LastCommitted.Height + 1, mode, _lastBlockTimeSeconds, _lastBlockTimeNanos);

    /// <summary>
    /// The one validity function shared by PrepareProposal and ProcessProposal: runs the txs in order
    /// through the CheckTx rules on a throwaway branch of the last committed state.
    /// </summary>
    private bool[] ValidTxs(IReadOnlyList<ByteString> txs, long height, long timeSeconds, int timeNanos)
    {
        using var snap = _store.OpenSnapshot();
        var state = snap.Branch();
        var ctx = NewContext(state, height, ExecMode.Check, timeSeconds, timeNanos);
        var ok = new bool[txs.Count];
        for (var i = 0; i < txs.Count; i++) ok[i] = _runner.Run(ctx, txs[i].ToByteArray()).IsOk;
        return ok;
    }

    /// <summary>Keeps the valid txs, in order, while their total size fits max_tx_bytes.</summary>
    public ValueTask<ResponsePrepareProposal> PrepareProposalAsync(RequestPrepareProposal request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var (s, n) = Time(request.Time);
            var response = new ResponsePrepareProposal();
            using var snap = _store.OpenSnapshot();
            var ctx = NewContext(snap.Branch(), request.Height, ExecMode.Check, s, n);
            long total = 0;
            foreach (var tx in request.Txs)
            {
                if (request.MaxTxBytes >= 0 && total + tx.Length > request.MaxTxBytes) continue;
                // a tx that fails leaves no writes, so later txs are judged as if it were absent
                if (!_runner.Run(ctx, tx.ToByteArray()).IsOk) continue;
                response.Txs.Add(tx);
                total += tx.Length;
            }
            return ValueTask.FromResult(response);
        }
    }

    /// <summary>ACCEPT when every tx passes the validity function, else REJECT (never UNKNOWN).</summary>
    public ValueTask<ResponseProcessProposal> ProcessProposalAsync(RequestProcessProposal request, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var (s, n) = Time(request.Time);
            var ok = ValidTxs(request.Txs, request.Height, s, n).All(v => v);
            return ValueTask.FromResult(new ResponseProcessProposal
            {
                Status = ok ? ResponseProcessProposal.Types.ProposalStatus.Accept : ResponseProcessProposal.Types.ProposalStatus.Reject,
            });
        }
    }
}
