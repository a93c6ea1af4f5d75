using Google.Protobuf;
using Maci.Abci.Server;
using Maci.Abci.Tests.App.Support;
using Maci.Abci.Tests.Support;
using Maci.Proto.Tendermint.Abci;

namespace Maci.Abci.Tests.Conformance;

/// <summary>
/// Pipelined CheckTx requests reach the application's prefetch hook as one batch of NEW txs, and the responses
/// that follow are in request order and identical to those of a server without prefetch.
/// </summary>
public sealed class CheckTxPrefetchTests
{
    private static readonly TestAccount[] Keys = [.. Enumerable.Range(0, 6).Select(i => TestAccount.FromSeed($"prefetch-{i}"))];

    private static (byte[] Tx, CheckTxType Type)[] Mix()
    {
        byte[] Send(int i, ulong seq, Func<SignedTx, SignedTx>? change = null)
        {
            var tx = new SignedTx { Signer = Keys[i], AccountNumber = (ulong)i, Sequence = seq, Messages = [SignedTx.Send(Keys[i], Keys[(i + 1) % Keys.Length].Bech32, 7)] };
            return (change?.Invoke(tx) ?? tx).Bytes();
        }
        return
        [
            (Send(0, 0), CheckTxType.New),
            (Send(1, 0), CheckTxType.New),
            (Send(0, 1), CheckTxType.New),                                   // queued after its predecessor
            (Send(2, 0, t => t with { CorruptSignature = true }), CheckTxType.New),
            (Send(3, 5), CheckTxType.New),                                   // wrong sequence
            ([1, 2, 3], CheckTxType.New),                                    // not a tx
            (Send(4, 0, t => t with { ChainId = "other-chain" }), CheckTxType.New),
            (Send(5, 0), CheckTxType.Recheck),
            (Send(2, 0), CheckTxType.New),
            (Send(1, 0), CheckTxType.New),                                   // duplicate: sequence already used
        ];
    }

    private static async Task<ResponseCheckTx[]> RunAsync(IAbciApplication app, bool prefetch)
    {
        await using var server = await TestServer.StartAsync(app, TestServer.Unix, configure: o => o with { PrefetchCheckTx = prefetch });
        await using var comet = await CometLikeClient.ConnectAsync(server.LocalEndPoint!);
        var pending = Mix().Select(m => comet.QueueCheckTx(m.Tx, m.Type)).ToArray();
        await comet.Mempool.FlushAsync();
        return await Task.WhenAll(pending);
    }

    [Fact]
    public async Task Prefetched_check_tx_answers_equal_unprefetched_ones_in_order()
    {
        using var plain = new AppHarness(Keys);
        using var fast = new AppHarness(Keys);
        var recorder = new PrefetchRecorder(fast.App);

        var expected = await RunAsync(plain.App, prefetch: false);
        var actual = await RunAsync(recorder, prefetch: true);

        Assert.Equal([0u, 0u, 0u, 4u, 32u, 2u, 4u, 0u, 0u, 32u], expected.Select(r => r.Code));
        Assert.Equal(expected, actual);

        // The whole pipeline arrived in one write, so the hook saw the NEW txs (not the RECHECK) in request order.
        var newTxs = Mix().Where(m => m.Type == CheckTxType.New).Select(m => m.Tx).ToArray();
        var seen = recorder.Batches.SelectMany(b => b).ToArray();
        Assert.NotEmpty(recorder.Batches);
        Assert.All(recorder.Batches, b => Assert.True(b.Length >= 2));
        Assert.Equal(newTxs, seen);
    }

    [Fact]
    public async Task Dispatcher_prefetches_only_new_check_tx_and_only_for_apps_with_the_hook()
    {
        var recorder = new PrefetchRecorder(new NoHookApplication());
        var dispatcher = new AbciRequestDispatcher(recorder, new SemaphoreSlim(1, 1));
        Request Check(byte b, CheckTxType type) => new() { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom([b]), Type = type } };

        Assert.True(await dispatcher.PrefetchCheckTxAsync([Check(1, CheckTxType.New), new Request { Flush = new() }, Check(2, CheckTxType.Recheck), Check(3, CheckTxType.New)], default));
        Assert.True(await dispatcher.PrefetchCheckTxAsync([Check(4, CheckTxType.New), Check(5, CheckTxType.Recheck)], default)); // one NEW: nothing to gain
        var batch = Assert.Single(recorder.Batches);
        Assert.Equal([[1], [3]], batch);

        var noHook = new AbciRequestDispatcher(new NoHookApplication());
        Assert.False(await noHook.PrefetchCheckTxAsync([Check(1, CheckTxType.New), Check(2, CheckTxType.New)], default));
    }

    private sealed class NoHookApplication : StubApplication;
}
