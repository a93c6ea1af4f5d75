using System.Diagnostics;
using Google.Protobuf;
using Maci.Crypto.BabyJubjub;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Proto.Tendermint.Abci;
using Maci.TestSupport.Dora;
using RoundsPubKey = Maci.Proto.Maci.Rounds.V1.PubKey;

namespace Maci.Bench;

public static partial class RoundsBench
{
    /// <summary>Blocks of publish-message txs into round 2; returns 1 when the median is under the goal.</summary>
    private static int PublishRate(RoundsAppChain chain, AmaciFixtureRound dora, int perBlock, int warmup, int measured, bool socket)
    {
        var roundId = dora.RoundId + 1;
        var blocks = warmup + measured;
        var data = DoraFixture.Strings(dora.Nth("publishMessage").Data.GetProperty("message"));
        var fee = chain.Query<QueryRoundResponse>("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = roundId }).Round.Fees.MessageFee;
        var sw = Stopwatch.StartNew();
        var keys = new BabyJubjubPoint[blocks * perBlock];
        var point = BabyJubjubPoint.Base8;
        for (var i = 0; i < keys.Length; i++) keys[i] = point += BabyJubjubPoint.Base8;
        var txs = new byte[blocks][][];
        for (var b = 0; b < blocks; b++)
        {
            txs[b] = new byte[perBlock][];
            var block = b;
            Parallel.For(0, perBlock, i =>
            {
                var key = keys[block * perBlock + i];
                var m = new MsgPublishMessage
                {
                    Sender = chain.Addresses[i], RoundId = roundId, Fee = dora.Fee(fee),
                    Messages = { new Message { Data = { data } } },
                    EncPubKeys = { new RoundsPubKey { X = key.X.ToString(), Y = key.Y.ToString() } },
                };
                txs[block][i] = chain.Tx(i, (ulong)block, RoundsAppChain.Fee, m);
            });
        }
        for (var i = 0; i < perBlock; i++) chain.Consumed(i, (ulong)blocks);
        Console.WriteLine(F($"  publish: {data.Length}-element messages, fee {fee} umaci each; signed {blocks * perBlock} txs in {sw.Elapsed.TotalSeconds:F1} s (not measured)"));

        using var wire = socket ? BankSendBench.BankSendSocket.Start(chain.App, prefetch: true) : null;
        var tps = new List<double>();
        var check = new List<double>();
        var finalize = new List<double>();
        var commit = new List<double>();
        for (var b = 0; b < blocks; b++)
        {
            var before = ChainLength(chain, roundId);
            var time = chain.Next();
            var t0 = Stopwatch.GetTimestamp();
            if (wire is not null) wire.CheckTxs(txs[b], perBlock);
            else
                foreach (var tx in txs[b])
                {
                    var r = chain.CheckTx(tx);
                    if (r.Code != 0) throw new InvalidOperationException($"publish CheckTx failed: {r.Codespace}/{r.Code} {r.Log}");
                }
            var t1 = Stopwatch.GetTimestamp();
            var res = wire is not null
                ? wire.Call(new Request { FinalizeBlock = BenchTx.FinalizeRequest(chain.Height + 1, time, txs[b]) }).FinalizeBlock
                : chain.Finalize(time, txs[b]);
            var t2 = Stopwatch.GetTimestamp();
            if (wire is not null)
            {
                wire.Call(new Request { Commit = new RequestCommit() });
                chain.Committed(time);
            }
            else chain.Commit();
            var t3 = Stopwatch.GetTimestamp();
            var bad = res.TxResults.Where(r => r.Code != 0).ToArray();
            if (bad.Length > 0) throw new InvalidOperationException($"{bad.Length} publish txs failed: {bad[0].Codespace}/{bad[0].Code} {bad[0].Log}");
            var grown = ChainLength(chain, roundId) - before;
            if (grown != (ulong)perBlock) throw new InvalidOperationException($"message chain grew by {grown}, not {perBlock}");
            var total = Stopwatch.GetElapsedTime(t0, t3).TotalSeconds;
            var (c, f, k) = (Ms(t0, t1), Ms(t1, t2), Ms(t2, t3));
            Console.WriteLine(F($"  {(b < warmup ? "warm-up" : "block"),-7} {chain.Height}: {perBlock / total,8:F0} tx/s  (CheckTx {c,7:F1} ms, FinalizeBlock {f,7:F1} ms, Commit {k,6:F1} ms; chain +{grown})"));
            if (b < warmup) continue;
            tps.Add(perBlock / total);
            check.Add(c);
            finalize.Add(f);
            commit.Add(k);
        }
        var median = BenchTx.Median(tps);
        var under = median < GoalTxPerSecond;
        Console.WriteLine(F($"{"publishMessage",-22} {median,10:F0} tx/s  median of {measured} blocks × {perBlock} (CheckTx {BenchTx.Median(check):F1} ms, FinalizeBlock {BenchTx.Median(finalize):F1} ms, Commit latency {BenchTx.Median(commit):F1} ms per block; goal ≥ {GoalTxPerSecond} tx/s, ratio {median / GoalTxPerSecond:F2}){(under ? " (under goal)" : "")}"));
        return under ? 1 : 0;
    }

    /// <summary>
    /// Times one proof tx through CheckTx + FinalizeBlock <paramref name="samples"/> times (each a freshly signed tx whose
    /// block is then discarded and replaced by an empty committed block; two extra warm-up repetitions first), then applies
    /// it for real, timing that Commit. Returns 1 when the median is over the goal.
    /// </summary>
    private static int TimeProof(RoundsAppChain chain, string name, int who, IMessage message, int samples, long atLeast = 0)
    {
        const int warm = 2;
        var sequence = chain.Sequence(who);
        var txs = Enumerable.Range(0, warm + samples).Select(r => chain.Tx(who, sequence, RoundsAppChain.Fee + r, message)).ToArray();
        var total = new List<double>();
        var finalize = new List<double>();
        var cpu = new List<double>();
        var commitMs = 0.0;
        for (var r = 0; r < txs.Length; r++)
        {
            var last = r == txs.Length - 1;
            var time = chain.Next(atLeast);
            var c0 = ThreadCpu.Nanoseconds();
            var t0 = Stopwatch.GetTimestamp();
            var check = chain.CheckTx(txs[r]);
            var t1 = Stopwatch.GetTimestamp();
            var res = chain.Finalize(time, txs[r]);
            var t2 = Stopwatch.GetTimestamp();
            var c1 = ThreadCpu.Nanoseconds();
            if (check.Code != 0) throw new InvalidOperationException($"{name} CheckTx failed: {check.Codespace}/{check.Code} {check.Log}");
            var tr = res.TxResults[0];
            if (tr.Code != 0) throw new InvalidOperationException($"{name} failed: {tr.Codespace}/{tr.Code} {tr.Log}");
            if (last)
            {
                chain.Commit();
                commitMs = Ms(t2, Stopwatch.GetTimestamp());
                chain.Consumed(who, 1);
            }
            else
            {
                chain.Finalize(time); // re-execute the height without the tx: its effects are discarded
                chain.Commit();        // commits the empty block and resets the CheckTx state
            }
            if (r < warm) continue;
            total.Add(Ms(t0, t2));
            finalize.Add(Ms(t1, t2));
            cpu.Add(c0 is { } a && c1 is { } b ? (b - a) / 1e6 : Ms(t0, t2));
        }
        var median = BenchTx.Median(total);
        var over = median > GoalProofMs;
        Console.WriteLine(F($"{name,-22} {median,10:F2} ms  CheckTx + FinalizeBlock, median of {total.Count} (FinalizeBlock {BenchTx.Median(finalize):F2} ms, thread cpu {BenchTx.Median(cpu):F2} ms; Commit {commitMs:F1} ms, 1 sample; goal ≤ {GoalProofMs} ms){(over ? " (over goal)" : "")}"));
        return over ? 1 : 0;
    }

    private static ulong ChainLength(RoundsAppChain chain, ulong roundId) =>
        chain.Query<QueryRoundResponse>("/maci.rounds.v1.Query/Round", new QueryRoundRequest { RoundId = roundId }).State.MsgChainLength;

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;
}
