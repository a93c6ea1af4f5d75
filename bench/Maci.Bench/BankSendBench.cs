using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Abci.App;
using Maci.Abci.Server;
using Maci.Crypto.Cosmos;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Tendermint.Abci;
using Maci.Storage;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Bench;

/// <summary>
/// Signed bank sends per second through CheckTx + FinalizeBlock + Commit, in blocks of N txs (default
/// 1,000, one tx per sender per block), plus commit latency per block. Signing happens before timing.
/// Options: --blocks B (default 5), --warmup W (default 3, run first and not counted), --txs N (default 1000),
/// --mem (in-memory store instead of RocksDB), --batch-verify (the host hands each block's txs to
/// MaciApp.PreverifySignatures before the CheckTx calls; its time is included), --socket (every call goes
/// through an in-process AbciSocketServer on a Unix socket: CheckTx pipelined on the mempool connection and
/// flushed every --pipeline K txs (default: the whole block), as CometBFT's mempool sends them; FinalizeBlock and
/// Commit on the consensus connection), --no-prefetch (with --socket: AbciServerOptions.PrefetchCheckTx = false).
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
        var socket = args.Contains("--socket");
        var prefetch = !args.Contains("--no-prefetch");
        var pipeline = IntOption(args, "--pipeline", perBlock);
        var mode = socket ? $", ABCI socket (CheckTx pipelined by {pipeline}, prefetch {(prefetch ? "on" : "off")})" : "";
        Console.WriteLine($"banksend: {warmup} warm-up + {measured} measured blocks × {perBlock} signed MsgSend txs, store: {(inMemory ? "memory" : "RocksDB (synced commits)")}{(batchVerify ? ", batch pre-verification" : "")}{mode}, cores: {Environment.ProcessorCount}");

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
            using var wire = socket ? BankSendSocket.Start(app, prefetch) : null;

            var tps = new List<double>();
            var check = new List<double>();
            var finalize = new List<double>();
            var commit = new List<double>();
            var checkCpu = new List<double>();
            using var self = Process.GetCurrentProcess();
            for (var b = 0; b < blocks; b++)
            {
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                var t0 = Stopwatch.GetTimestamp();
                if (batchVerify) app.PreverifySignatures(txs[b]);
                if (wire is not null)
                {
                    wire.CheckTxs(txs[b], pipeline);
                }
                else
                {
                    foreach (var tx in txs[b])
                    {
                        var r = app.CheckTxAsync(new RequestCheckTx { Tx = ByteString.CopyFrom(tx) }, default).AsTask().Result;
                        if (r.Code != 0) throw new InvalidOperationException($"CheckTx failed: {r.Log}");
                    }
                }
                var t1 = Stopwatch.GetTimestamp();
                self.Refresh();
                var cpuCheck = (self.TotalProcessorTime - cpu0).TotalMilliseconds;
                var res = wire is not null ? wire.Call(new Request { FinalizeBlock = FinalizeRequest(b + 2, txs[b]) }).FinalizeBlock : Finalize(app, b + 2, txs[b]);
                var failed = res.TxResults.Count(r => r.Code != 0);
                if (failed > 0) throw new InvalidOperationException($"{failed} txs failed: {res.TxResults.First(r => r.Code != 0).Log}");
                var t2 = Stopwatch.GetTimestamp();
                if (wire is not null) wire.Call(new Request { Commit = new RequestCommit() });
                else app.CommitAsync(new RequestCommit(), default).AsTask().Wait();
                var t3 = Stopwatch.GetTimestamp();
                var total = Stopwatch.GetElapsedTime(t0, t3).TotalSeconds;
                var label = b < warmup ? "warm-up" : "block";
                Console.WriteLine($"  {label} {b + 2}: {perBlock / total,8:F0} tx/s  (CheckTx {Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds,7:F1} ms / CPU {cpuCheck,7:F1} ms, FinalizeBlock {Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds,7:F1} ms, Commit {Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds,6:F1} ms)");
                if (b < warmup) continue;
                tps.Add(perBlock / total);
                check.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                checkCpu.Add(cpuCheck);
                finalize.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                commit.Add(Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds);
            }
            var invariant = app.CheckInvariants();
            if (invariant is not null) throw new InvalidOperationException($"invariant broken: {invariant}");
            var median = Median(tps);
            Console.WriteLine($"  median: {median:F0} tx/s; CheckTx {Median(check):F1} ms (process CPU {Median(checkCpu):F1} ms), FinalizeBlock {Median(finalize):F1} ms, Commit latency {Median(commit):F1} ms per block");
            Console.WriteLine($"  goal ≥ 3000 tx/s on 2 cores: ratio {median / 3000:F2}");
        }
        finally
        {
            if (!inMemory && Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
        return 0;
    }

    private static ResponseFinalizeBlock Finalize(MaciApp app, long height, byte[][] txs) =>
        app.FinalizeBlockAsync(FinalizeRequest(height, txs), default).AsTask().Result;

    private static RequestFinalizeBlock FinalizeRequest(long height, byte[][] txs) =>
        BenchTx.FinalizeRequest(height, 1_767_225_600 + height, txs);

    private static byte[] SignSend(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string to) =>
        BenchTx.Sign(key, accountNumber, sequence, "maci-devnet-1", 100_000, "250", new MsgSend
        {
            FromAddress = key.Bech32Address("maci"),
            ToAddress = to,
            Amount = { new ProtoCoin { Denom = "umaci", Amount = "1" } },
        });

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

    private static double Median(List<double> xs) => BenchTx.Median(xs);

    /// <summary>The app behind an in-process ABCI socket server, with a mempool and a consensus connection.</summary>
    internal sealed class BankSendSocket : IDisposable
    {
        private readonly AbciSocketServer _server;
        private readonly Connection _mempool;
        private readonly Connection _consensus;

        private BankSendSocket(AbciSocketServer server, Connection mempool, Connection consensus)
        {
            _server = server;
            _mempool = mempool;
            _consensus = consensus;
        }

        public static BankSendSocket Start(MaciApp app, bool prefetch)
        {
            var path = Path.Combine(Path.GetTempPath(), $"maci-bench-{Guid.NewGuid():N}.sock");
            var server = new AbciSocketServer(app, new AbciServerOptions { Address = "unix://" + path, PrefetchCheckTx = prefetch });
            server.StartAsync().Wait();
            return new BankSendSocket(server, new Connection(path), new Connection(path));
        }

        /// <summary>CheckTx NEW for every tx, a Flush after every <paramref name="pipeline"/> txs; responses read concurrently.</summary>
        public void CheckTxs(byte[][] txs, int pipeline)
        {
            var flushes = (txs.Length + pipeline - 1) / pipeline;
            var reading = Task.Run(() =>
            {
                for (var i = 0; i < txs.Length + flushes; i++)
                {
                    var r = _mempool.Read();
                    if (r.ValueCase == Response.ValueOneofCase.CheckTx && r.CheckTx.Code != 0)
                        throw new InvalidOperationException($"CheckTx failed: {r.CheckTx.Log}");
                    if (r.ValueCase is not (Response.ValueOneofCase.CheckTx or Response.ValueOneofCase.Flush))
                        throw new InvalidOperationException($"unexpected response {r.ValueCase}");
                }
            });
            for (var i = 0; i < txs.Length; i++)
            {
                _mempool.Write(new Request { CheckTx = new RequestCheckTx { Tx = ByteString.CopyFrom(txs[i]) } });
                if ((i + 1) % pipeline == 0 || i == txs.Length - 1) _mempool.Write(new Request { Flush = new RequestFlush() }, flush: true);
            }
            reading.Wait();
        }

        public Response Call(Request request)
        {
            _consensus.Write(request);
            _consensus.Write(new Request { Flush = new RequestFlush() }, flush: true);
            var response = _consensus.Read();
            if (response.ValueCase == Response.ValueOneofCase.Exception) throw new InvalidOperationException(response.Exception.Error);
            if (_consensus.Read().ValueCase != Response.ValueOneofCase.Flush) throw new InvalidOperationException("flush expected");
            return response;
        }

        public void Dispose()
        {
            _mempool.Dispose();
            _consensus.Dispose();
            _server.DisposeAsync().AsTask().Wait();
        }

        private sealed class Connection : IDisposable
        {
            private readonly Socket _socket;
            private readonly NetworkStream _stream;
            private readonly BufferedStream _out;
            private readonly BufferedStream _in;

            public Connection(string path)
            {
                _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                _socket.Connect(new UnixDomainSocketEndPoint(path));
                _stream = new NetworkStream(_socket, ownsSocket: true);
                _out = new BufferedStream(_stream, 64 * 1024);
                _in = new BufferedStream(_stream, 64 * 1024);
            }

            public void Write(Request request, bool flush = false)
            {
                request.WriteDelimitedTo(_out);
                if (flush) _out.Flush();
            }

            public Response Read() => Response.Parser.ParseDelimitedFrom(_in);

            public void Dispose() => _stream.Dispose();
        }
    }
}
