using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Maci.Abci.App;
using Maci.Crypto.Cosmos;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Crypto.Secp256k1;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Proto.Cosmos.Tx.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Bench;

/// <summary>
/// Signed bank sends per second through CheckTx + FinalizeBlock + Commit, in blocks of N txs (default
/// 1,000, one tx per sender per block), plus commit latency per block. Signing happens before timing.
/// Options: --blocks B (default 5), --warmup W (default 3, run first and not counted), --txs N (default 1000),
/// --mem (in-memory store instead of RocksDB), --batch-verify (the host hands each block's txs to
/// MaciApp.PreverifySignatures before the CheckTx calls; its time is included).
/// </summary>
public static class BankSendBench
{
    public static int Run(string[] args)
    {
        var measured = IntOption(args, "--blocks", 5);
        var warmup = IntOption(args, "--warmup", 3);
        var blocks = measured + warmup;
        var perBlock = IntOption(args, "--txs", 1000);
        var inMemory = args.Contains("--mem");
        var batchVerify = args.Contains("--batch-verify");
        Console.WriteLine($"banksend: {warmup} warm-up + {measured} measured blocks × {perBlock} signed MsgSend txs, store: {(inMemory ? "memory" : "RocksDB (synced commits)")}{(batchVerify ? ", batch pre-verification" : "")}, cores: {Environment.ProcessorCount}");

        var keys = Enumerable.Range(0, perBlock)
            .Select(i => Secp256k1KeyPair.FromPrivateKey(SHA256.HashData(BitConverter.GetBytes(i + 1))))
            .ToArray();
        var addresses = keys.Select(k => k.Bech32Address("maci")).ToArray();

        var sw = Stopwatch.StartNew();
        var txs = new byte[blocks][][];
        for (var b = 0; b < blocks; b++)
        {
            txs[b] = new byte[perBlock][];
            var block = b;
            Parallel.For(0, perBlock, i => txs[block][i] = SignSend(keys[i], (ulong)i, (ulong)block, addresses[(i + 1) % perBlock]));
        }
        Console.WriteLine($"  signed {blocks * perBlock} txs in {sw.Elapsed.TotalSeconds:F1} s (not measured)");

        var dir = Path.Combine(Path.GetTempPath(), "maci-bench-banksend-" + Guid.NewGuid().ToString("N"));
        using var store = inMemory ? CommitStore.InMemory(new CommitStoreOptions { SyncCommits = false }) : CommitStore.Open(dir);
        try
        {
            using var app = new MaciApp(AppConfig.Devnet(), store);
            app.InitChainAsync(new RequestInitChain
            {
                ChainId = "maci-devnet-1",
                InitialHeight = 1,
                AppStateBytes = ByteString.CopyFromUtf8(Genesis(addresses)),
            }, default).AsTask().Wait();
            Finalize(app, 1, []);
            app.CommitAsync(new RequestCommit(), default).AsTask().Wait();

            var tps = new List<double>();
            var check = new List<double>();
            var finalize = new List<double>();
            var commit = new List<double>();
            for (var b = 0; b < blocks; b++)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (batchVerify) app.PreverifySignatures(txs[b]);
                foreach (var tx in txs[b])
                {
                    var r = app.CheckTxAsync(new RequestCheckTx { Tx = ByteString.CopyFrom(tx) }, default).AsTask().Result;
                    if (r.Code != 0) throw new InvalidOperationException($"CheckTx failed: {r.Log}");
                }
                var t1 = Stopwatch.GetTimestamp();
                var res = Finalize(app, b + 2, txs[b]);
                var failed = res.TxResults.Count(r => r.Code != 0);
                if (failed > 0) throw new InvalidOperationException($"{failed} txs failed: {res.TxResults.First(r => r.Code != 0).Log}");
                var t2 = Stopwatch.GetTimestamp();
                app.CommitAsync(new RequestCommit(), default).AsTask().Wait();
                var t3 = Stopwatch.GetTimestamp();
                var total = Stopwatch.GetElapsedTime(t0, t3).TotalSeconds;
                var label = b < warmup ? "warm-up" : "block";
                Console.WriteLine($"  {label} {b + 2}: {perBlock / total,8:F0} tx/s  (CheckTx {Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds,7:F1} ms, FinalizeBlock {Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds,7:F1} ms, Commit {Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds,6:F1} ms)");
                if (b < warmup) continue;
                tps.Add(perBlock / total);
                check.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                finalize.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                commit.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
            }
            var invariant = app.CheckInvariants();
            if (invariant is not null) throw new InvalidOperationException($"invariant broken: {invariant}");
            var median = Median(tps);
            Console.WriteLine($"  median: {median:F0} tx/s; CheckTx {Median(check):F1} ms, FinalizeBlock {Median(finalize):F1} ms, Commit latency {Median(commit):F1} ms per block");
            Console.WriteLine($"  goal ≥ 3000 tx/s on 2 cores: ratio {median / 3000:F2}");
        }
        finally
        {
            if (!inMemory && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static ResponseFinalizeBlock Finalize(MaciApp app, long height, byte[][] txs)
    {
        var req = new RequestFinalizeBlock { Height = height, Time = new Timestamp { Seconds = 1_767_225_600 + height } };
        req.Txs.AddRange(txs.Select(ByteString.CopyFrom));
        return app.FinalizeBlockAsync(req, default).AsTask().Result;
    }

    private static byte[] SignSend(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string to)
    {
        var body = new TxBody();
        body.Messages.Add(Any.Pack(new MsgSend
        {
            FromAddress = key.Bech32Address("maci"),
            ToAddress = to,
            Amount = { new ProtoCoin { Denom = "umaci", Amount = "1" } },
        }, ""));
        var auth = new AuthInfo { Fee = new Fee { GasLimit = 100_000, Amount = { new ProtoCoin { Denom = "umaci", Amount = "250" } } } };
        auth.SignerInfos.Add(new SignerInfo
        {
            PublicKey = Any.Pack(new PubKey { Key = ByteString.CopyFrom(key.PublicKey) }, ""),
            ModeInfo = new ModeInfo { Single = new ModeInfo.Types.Single { Mode = SignMode.Direct } },
            Sequence = sequence,
        });
        var doc = new SignDoc { BodyBytes = body.ToByteString(), AuthInfoBytes = auth.ToByteString(), ChainId = "maci-devnet-1", AccountNumber = accountNumber };
        var raw = new TxRaw { BodyBytes = doc.BodyBytes, AuthInfoBytes = doc.AuthInfoBytes };
        raw.Signatures.Add(ByteString.CopyFrom(key.Sign(SHA256.HashData(doc.ToByteArray()))));
        return raw.ToByteArray();
    }

    private static string Genesis(string[] addresses)
    {
        var accounts = new JsonArray();
        var balances = new JsonArray();
        for (var i = 0; i < addresses.Length; i++)
        {
            accounts.Add(new JsonObject { ["@type"] = "/cosmos.auth.v1beta1.BaseAccount", ["address"] = addresses[i], ["account_number"] = i.ToString() });
            balances.Add(new JsonObject
            {
                ["address"] = addresses[i],
                ["coins"] = new JsonArray(new JsonObject { ["denom"] = "umaci", ["amount"] = "1000000000" }),
            });
        }
        var app = new MaciApp(AppConfig.Devnet(), CommitStore.InMemory());
        var defaults = new JsonObject { ["auth"] = app.Modules.Auth.DefaultGenesis(), ["bank"] = app.Modules.BankModule.DefaultGenesis() };
        defaults["auth"]!["accounts"] = accounts;
        defaults["bank"]!["balances"] = balances;
        return defaults.ToJsonString();
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
