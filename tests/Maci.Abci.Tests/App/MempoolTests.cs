using Google.Protobuf;
using Maci.Abci.Tests.App.Support;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.App;

public sealed class MempoolTests : IDisposable
{
    private static readonly TestAccount Alice = TestAccount.FromSeed("alice");
    private static readonly TestAccount Bob = TestAccount.FromSeed("bob");
    private readonly AppHarness _h = new([Alice, Bob]);

    public void Dispose() => _h.Dispose();

    private static byte[] Send(ulong seq, ulong amount = 1) =>
        new SignedTx { Signer = Alice, Sequence = seq, Messages = [SignedTx.Send(Alice, Bob.Bech32, amount)] }.Bytes();

    [Fact]
    public void Check_state_lets_an_account_queue_consecutive_sequences()
    {
        Assert.Equal(0u, _h.CheckTx(Send(0)).Code);
        Assert.Equal(0u, _h.CheckTx(Send(1)).Code);
        var dup = _h.CheckTx(Send(1, 2));
        Assert.Equal(32u, dup.Code);
        Assert.Contains("expected 2, got 1", dup.Log);
        Assert.Equal(0u, _h.Sequence(Alice)); // nothing committed
    }

    [Fact]
    public void Check_tx_reports_gas_and_does_not_run_messages()
    {
        var r = _h.CheckTx(new SignedTx { Signer = Alice, Messages = [SignedTx.Send(Alice, Bob.Bech32, AppHarness.StartBalance * 2)] }.Bytes());
        Assert.Equal(0u, r.Code); // balance is only checked when the message runs
        Assert.Equal(200_000, r.GasWanted);
        Assert.True(r.GasUsed > 0);
        Assert.True(r.Data.IsEmpty);
    }

    [Fact]
    public void Recheck_after_commit_runs_remaining_txs_against_the_fresh_state()
    {
        var t0 = Send(0);
        var t1 = Send(1);
        Assert.Equal(0u, _h.CheckTx(t0).Code);
        Assert.Equal(0u, _h.CheckTx(t1).Code);
        _h.Block(t0);
        Assert.Equal(32u, _h.CheckTx(t0, recheck: true).Code);
        Assert.Equal(0u, _h.CheckTx(t1, recheck: true).Code);
        Assert.Equal(0u, _h.CheckTx(Send(2)).Code);
    }

    [Fact]
    public void Prepare_keeps_valid_txs_in_order_within_max_bytes()
    {
        var t0 = Send(0);
        var t1 = Send(1);
        var stale = new SignedTx { Signer = Bob, Sequence = 9, AccountNumber = 1, Messages = [SignedTx.Send(Bob, Alice.Bech32, 1)] }.Bytes();
        var req = new RequestPrepareProposal { Height = 2, MaxTxBytes = 1_000_000, Time = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(AppHarness.GenesisTime) };
        req.Txs.AddRange([ByteString.CopyFrom(t0), ByteString.CopyFrom(stale), ByteString.CopyFrom([1, 2]), ByteString.CopyFrom(t1)]);
        var resp = _h.App.PrepareProposalAsync(req, default).AsTask().Result;
        Assert.Equal([t0, t1], resp.Txs.Select(t => t.ToByteArray()));

        req.MaxTxBytes = t0.Length + 1;
        resp = _h.App.PrepareProposalAsync(req, default).AsTask().Result;
        Assert.Equal([t0], resp.Txs.Select(t => t.ToByteArray()));

        // an invalid tx does not use up the byte budget of the valid ones after it
        req.Txs.Clear();
        req.Txs.AddRange([ByteString.CopyFrom(stale), ByteString.CopyFrom(t0)]);
        req.MaxTxBytes = Math.Max(stale.Length, t0.Length);
        resp = _h.App.PrepareProposalAsync(req, default).AsTask().Result;
        Assert.Equal([t0], resp.Txs.Select(t => t.ToByteArray()));
        Assert.Equal(0u, _h.Sequence(Alice)); // proposals never touch state
    }

    [Fact]
    public void Process_accepts_valid_blocks_and_rejects_invalid_ones_never_unknown()
    {
        ResponseProcessProposal.Types.ProposalStatus Process(params byte[][] txs)
        {
            var req = new RequestProcessProposal { Height = 2 };
            req.Txs.AddRange(txs.Select(ByteString.CopyFrom));
            return _h.App.ProcessProposalAsync(req, default).AsTask().Result.Status;
        }
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, Process());
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Accept, Process(Send(0), Send(1)));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, Process(Send(1)));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, Process(Send(0), [9, 9, 9]));
        Assert.Equal(ResponseProcessProposal.Types.ProposalStatus.Reject, Process(Send(0), Send(0)));
    }

    [Fact]
    public void Batch_pre_verification_changes_no_check_tx_outcome()
    {
        var txs = new[]
        {
            Send(0),
            new SignedTx { Signer = Alice, Sequence = 1, CorruptSignature = true, Messages = [SignedTx.Send(Alice, Bob.Bech32, 1)] }.Bytes(),
            new SignedTx { Signer = Bob, AccountNumber = 0, Messages = [SignedTx.Send(Bob, Alice.Bech32, 1)] }.Bytes(), // wrong number
            Send(1),
            [7, 7, 7],
        };
        using var plain = new AppHarness([Alice, Bob]);
        _h.App.PreverifySignatures(txs);
        Assert.True(_h.App.Modules.Signatures.Count >= 3);
        foreach (var tx in txs)
        {
            var expected = plain.CheckTx(tx);
            var actual = _h.CheckTx(tx);
            Assert.Equal((expected.Code, expected.Log, expected.GasUsed), (actual.Code, actual.Log, actual.GasUsed));
        }
        Assert.Equal(0ul, _h.Sequence(Alice)); // pre-verification writes no state
    }
}
