using System.Globalization;
using Maci.Proto.Maci.Rounds.V1;
using Maci.TestSupport.Dora;
using InsuranceTerms = Maci.Proto.Maci.Insurance.V1.InsuranceTerms;
using InsurancePubKey = Maci.Proto.Maci.Insurance.V1.PubKey;
using MsgRegisterOperator = Maci.Proto.Maci.Insurance.V1.MsgRegisterOperator;

namespace Maci.Bench;

/// <summary>
/// Suite "rounds", through the full app (<see cref="Maci.Abci.App.MaciApp"/> on RocksDB with synced commits, devnet genesis):
/// an operator registers, Dora's 2-1-1-5 aMACI round (round 1) and a second 2-1-1-5 aMACI round (round 2) are created.
/// (1) Publish-message tx/s: blocks of N signed MsgPublishMessage txs into round 2 (one 10-element message each, a fresh
/// encryption key on the curve, the exact message fee; one tx per account per block, signed before timing) through
/// CheckTx + FinalizeBlock + Commit; every tx must succeed and the round's message chain must grow by exactly N per block.
/// (2) Proof txs: round 1 is played with Dora's fixture (sign-ups, deactivations, new key, votes) and each proof-carrying tx
/// (process deactivate, add new key, process messages, process tally) is timed through CheckTx + FinalizeBlock: each
/// repetition is a freshly signed tx (fee varied, so its signature is verified anew) executed by FinalizeBlock at the next
/// height, then that height is re-executed without it (the app discards an uncommitted block) and committed empty, which
/// also resets the CheckTx state; the last repetition is committed for real (its Commit time is the one Commit sample).
/// Round 1 must then finish with Dora's results. Goals: ≥ 2,000 publish tx/s, ≤ 5 ms per proof tx (CheckTx + FinalizeBlock).
/// Options: --blocks B (5), --warmup W (2), --txs N (1000), --proofs P (15), --messages M (20000, keeper only),
/// --no-keeper (skip the keeper-only lines), --socket (the publish blocks go through an in-process AbciSocketServer as in
/// banksend: CheckTx pipelined on the mempool connection with signature prefetch on, the node's default; FinalizeBlock and
/// Commit on the consensus connection).
/// </summary>
public static partial class RoundsBench
{
    private const int GoalTxPerSecond = 2000;
    private const double GoalProofMs = 5;
    private const long T0 = 1_767_225_600, Start = T0 + 100, End = Start + 10_000;

    public static int Run(string[] args)
    {
        var measured = IntOption(args, "--blocks", 5);
        var warmup = IntOption(args, "--warmup", 2);
        var perBlock = IntOption(args, "--txs", 1000);
        var proofs = IntOption(args, "--proofs", 15);
        var messages = IntOption(args, "--messages", 20_000);
        var socket = args.Contains("--socket");
        Console.WriteLine($"rounds: full app on RocksDB (synced commits); {warmup} warm-up + {measured} measured blocks × {perBlock} signed MsgPublishMessage txs; " +
            $"{(socket ? "publish blocks through the ABCI socket server (CheckTx pipelined, prefetch on); " : "")}{proofs} repetitions per proof tx; cores: {Environment.ProcessorCount}; load average: {LoadAverage()}");

        var failed = 0;
        using (var chain = new RoundsAppChain(perBlock + Parties, T0))
        {
            var dora = Setup(chain, perBlock);
            failed += TimeProof(chain, "processDeactivate", Operator(perBlock), dora.ProcessDeactivate(), proofs, Start + 60);
            failed += TimeProof(chain, "addNewKey", Admin(perBlock), dora.AddNewKey(), proofs);
            chain.Ok(Admin(perBlock), dora.Publish(0));
            chain.Ok(Admin(perBlock), dora.Publish(1));
            failed += PublishRate(chain, dora, perBlock, warmup, measured, socket);
            chain.Ok(Admin(perBlock), dora.Publish(2), End);
            chain.Ok(Admin(perBlock), new MsgStartProcessPeriod { Sender = chain.Addresses[Admin(perBlock)], RoundId = dora.RoundId }, End + 2);
            failed += TimeProof(chain, "processMessages", Operator(perBlock), dora.ProcessMessage(), proofs);
            chain.Ok(Admin(perBlock), new MsgStopProcessingPeriod { Sender = chain.Addresses[Admin(perBlock)], RoundId = dora.RoundId });
            failed += TimeProof(chain, "processTally", Operator(perBlock), dora.ProcessTally(), proofs);
            chain.Ok(Operator(perBlock), dora.StopTallying());
            var results = chain.Query<QueryResultsResponse>("/maci.rounds.v1.Query/Results", new QueryResultsRequest { RoundId = dora.RoundId });
            if (!results.Results.SequenceEqual(AmaciFixtureRound.Results))
                throw new InvalidOperationException($"round {dora.RoundId} finished with [{string.Join(", ", results.Results)}], not Dora's results");
            if (chain.App.CheckInvariants() is { } broken) throw new InvalidOperationException($"invariant broken: {broken}");
            Console.WriteLine($"  round {dora.RoundId} finished with Dora's results; invariants hold");
        }
        if (!args.Contains("--no-keeper")) RoundsKeeperBench.Run(messages, proofs);
        Console.WriteLine($"  load average at the end: {LoadAverage()}");
        return failed == 0 ? 0 : 1;
    }

    // Accounts 0..N-1 publish; the fixture round's parties follow.
    private const int Parties = 4;
    private static int Operator(int n) => n;
    private static int Admin(int n) => n + 1;

    /// <summary>Registers the operator, creates round 1 (Dora's fixture) and round 2 (the publish bench), signs up and deactivates.</summary>
    private static AmaciFixtureRound Setup(RoundsAppChain chain, int n)
    {
        var a = chain.Addresses;
        chain.Block(chain.Next()); // genesis becomes visible to queries after the first commit
        var fees = chain.Query<QueryParamsResponse>("/maci.rounds.v1.Query/Params", new QueryParamsRequest()).Params.DefaultFees;
        var dora = new AmaciFixtureRound(new AmaciRoundParties(a[Admin(n)], a[Operator(n)], a[n + 2], a[n + 3], a[Admin(n)]), fees, "umaci");
        var key = AmaciFixtureRound.Coordinator.PublicKey;
        chain.Ok(Operator(n), new MsgRegisterOperator
        {
            Operator = a[Operator(n)], Moniker = "bench operator",
            PubKey = new InsurancePubKey { X = key.X.ToString(), Y = key.Y.ToString() },
            Deposit = dora.Fee("10000000"),
            Terms = new InsuranceTerms { LossRatioNumerator = 1, LossRatioDenominator = 10, MinPremium = "1", MaxPremium = "1000000" },
        });
        dora.RoundId = CreatedRound(chain.Ok(Admin(n), dora.CreateMsg(Start, End)));
        var second = dora.CreateMsg(Start, End);
        second.Info = new RoundText { Title = "publish bench", Description = "", Link = "" };
        if (CreatedRound(chain.Ok(Admin(n), second)) != dora.RoundId + 1) throw new InvalidOperationException("round ids are not consecutive");
        chain.Ok(n + 2, dora.SignUp(0), Start);
        chain.Ok(n + 3, dora.SignUp(1));
        chain.Ok(Admin(n), dora.Deactivate(0));
        chain.Ok(Admin(n), dora.Deactivate(1));
        return dora;
    }

    private static ulong CreatedRound(Maci.Proto.Tendermint.Abci.ExecTxResult r) => MsgCreateRoundResponse.Parser.ParseFrom(
        Maci.Proto.Cosmos.Base.Abci.V1Beta1.TxMsgData.Parser.ParseFrom(r.Data).MsgResponses[0].Value).RoundId;

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
