using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Maci.Crypto.Cosmos;
using Maci.Node.Chain;
using Maci.Node.Cli;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Proto.Cosmos.Bank.V1Beta1;
using Maci.Proto.Cosmos.Base.V1Beta1;

namespace Maci.Node.Hosting;

/// <summary>
/// Drives a running node with signed bank sends from concurrent clients over loopback JSON-RPC
/// (broadcast_tx_sync), then checks every tx was included exactly once and measures inclusion latency.
/// Used by the "nodeload" bench suite and its functional test. A slow machine must not turn into lost
/// or refused txs: a broadcast that times out or loses its connection is sent again (the mempool's
/// "already in cache" answer to a resend means the first attempt got in), a full mempool is waited out,
/// and only the run's own txs count as included.
/// </summary>
public static class NodeLoadDriver
{
    /// <param name="Resent">Broadcasts sent again after a request timed out or lost its connection.</param>
    public sealed record Result(int Sent, int Included, int Duplicates, int Lost, int Refused, int Resent, double TxPerSecond,
        TimeSpan P50, TimeSpan P99, long PeakManagedBytes, long FirstHeight, long LastHeight);

    /// <summary>
    /// <paramref name="funderMnemonic"/> must hold funds (e.g. a devnet test account); it funds one fresh account per client.
    /// </summary>
    /// <param name="requestTimeout">
    /// How long one broadcast may take before it is sent again (default 60 s); each resend of a tx doubles it.
    /// A tiny value makes clients give up on requests the node is still processing (the resend path).
    /// </param>
    public static async Task<Result> RunAsync(NodeHost node, string funderMnemonic, int totalTxs, int clients, TimeSpan timeout,
        CancellationToken ct = default, TimeSpan? requestTimeout = null)
    {
        var firstTimeout = requestTimeout ?? TimeSpan.FromSeconds(60);
        var resends = 0;
        var chainId = node.Genesis.ChainId;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2 }) { Timeout = Timeout.InfiniteTimeSpan };
        var runDeadline = DateTime.UtcNow + timeout;
        var url = node.RpcAddress;
        var funder = CosmosHdWallet.FromMnemonic(funderMnemonic);
        var funderAccount = await AccountAsync(node, funder.Bech32Address("maci"));
        var keys = Enumerable.Range(0, clients).Select(_ => Secp256k1KeyPair.Generate()).ToArray();

        // Fund each client from the funder (consecutive sequences), then wait for inclusion.
        var fundHashes = new List<byte[]>();
        for (var i = 0; i < clients; i++)
        {
            var tx = Send(funder, funderAccount.AccountNumber, funderAccount.Sequence + (ulong)i, keys[i].Bech32Address("maci"), 1_000_000_000, chainId);
            var (code, log) = await SubmitAsync(node, http, url, tx, firstTimeout, () => Interlocked.Increment(ref resends), runDeadline, ct);
            if (code != 0) throw new InvalidOperationException($"funding tx refused with code {code}: {log}");
            fundHashes.Add(TxHash.Compute(tx));
        }
        // The index holds a tx only once its block is committed, so the funded accounts can be queried then.
        while (fundHashes.Any(h => node.Backend.TxIndex.Get(h) is null))
        {
            if (DateTime.UtcNow > runDeadline) throw new TimeoutException("funding txs were not included");
            await Task.Delay(50, ct);
        }
        var accounts = await Task.WhenAll(keys.Select(k => AccountAsync(node, k.Bech32Address("maci"))));

        var included = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var sentAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<long>();
        using var subscription = node.Backend.Events.Subscribe("load-" + Guid.NewGuid().ToString("N"), "tm.event='Tx'", totalTxs + 1000);
        var firstHeight = node.Backend.Blocks.Height + 1;
        var collector = Task.Run(async () =>
        {
            await foreach (var e in subscription.Reader.ReadAllAsync(ct))
            {
                var now = Stopwatch.GetTimestamp();
                var hash = Convert.ToHexString(((Rpc.TxEvent)e).Tx.Hash);
                // Only the run's txs count (a funding tx's event can still arrive after the subscription).
                if (!sentAt.TryGetValue(hash, out var t0)) continue;
                latencies.Add(now - t0);
                included.AddOrUpdate(hash, 1, (_, n) => n + 1);
                if (sentAt.Count == totalTxs && included.Count >= totalTxs) return;
            }
        }, ct);

        long peak = GC.GetTotalMemory(false);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { return; }
            }
        });

        var refused = 0;
        var started = Stopwatch.GetTimestamp();
        var perClient = Enumerable.Range(0, clients).Select(c => totalTxs / clients + (c < totalTxs % clients ? 1 : 0)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var key = keys[c];
            var acc = accounts[c];
            for (var i = 0; i < perClient[c]; i++)
            {
                var tx = Send(key, acc.AccountNumber, acc.Sequence + (ulong)i, funder.Bech32Address("maci"), 1, chainId);
                var hash = Convert.ToHexString(TxHash.Compute(tx));
                sentAt[hash] = Stopwatch.GetTimestamp();
                var (code, _) = await SubmitAsync(node, http, url, tx, firstTimeout, () => Interlocked.Increment(ref resends), runDeadline, ct);
                if (code != 0)
                {
                    Interlocked.Increment(ref refused);
                    sentAt.TryRemove(hash, out _);
                }
            }
        }, ct)));

        while (included.Count < sentAt.Count && DateTime.UtcNow < runDeadline) await Task.Delay(50, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync();
        await sampler;

        // Exactly once: count every sent hash across the blocks committed during the run.
        var lastHeight = node.Backend.Blocks.Height;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = firstHeight; h <= lastHeight; h++)
            foreach (var tx in node.Backend.Blocks.LoadBlock(h)!.Txs)
            {
                var hash = Convert.ToHexString(TxHash.Compute(tx));
                seen[hash] = seen.GetValueOrDefault(hash) + 1;
            }
        var found = sentAt.Keys.Count(seen.ContainsKey);
        var duplicates = sentAt.Keys.Count(h => seen.GetValueOrDefault(h) > 1);
        var sorted = latencies.OrderBy(x => x).ToArray();
        TimeSpan Percentile(double p) => sorted.Length == 0
            ? TimeSpan.Zero
            : Stopwatch.GetElapsedTime(0, sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))]);
        return new Result(sentAt.Count, found, duplicates, sentAt.Count - found, refused, resends, found / elapsed.TotalSeconds,
            Percentile(0.50), Percentile(0.99), peak, firstHeight, lastHeight);
    }

    private static async Task<BaseAccount> AccountAsync(NodeHost node, string address)
    {
        var answer = await node.Backend.QueryAsync(ChainQueries.AccountPath, new QueryAccountRequest { Address = address }.ToByteArray(), 0, false,
            CancellationToken.None);
        if (answer.Code != 0) throw new InvalidOperationException($"account {address}: code {answer.Code} {answer.Log}");
        return QueryAccountResponse.Parser.ParseFrom(answer.Value).Account.Unpack<BaseAccount>();
    }

    private static byte[] Send(Secp256k1KeyPair key, ulong accountNumber, ulong sequence, string to, long amount, string chainId)
    {
        var msg = new MsgSend { FromAddress = key.Bech32Address("maci"), ToAddress = to };
        msg.Amount.Add(new Coin { Denom = "umaci", Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return TxBuilder.Sign(TxBuilder.Body([msg], ""), key, accountNumber, sequence, chainId, [new Coin { Denom = "umaci", Amount = "500" }], 200_000);
    }

    /// <summary>
    /// broadcast_tx_sync until the node gives a verdict: a full mempool is retried after a pause; a timeout or a
    /// dropped connection is retried with the same tx. A refusal of such a resend ("tx already exists in cache",
    /// or a sequence mismatch once the cache forgot the tx) may mean an earlier attempt got in: it counts as
    /// accepted when the tx is pending or committed. Gives up at <paramref name="deadline"/>.
    /// </summary>
    private static async Task<(uint Code, string Log)> SubmitAsync(NodeHost node, HttpClient http, Uri url, byte[] tx, TimeSpan requestTimeout,
        Action onResend, DateTime deadline, CancellationToken ct)
    {
        var resent = false;
        while (true)
        {
            (uint Code, string Log) answer;
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(ct);
                if (requestTimeout <= TimeSpan.Zero) attempt.Cancel(); // a zero timeout fails the attempt, never races the timer
                else attempt.CancelAfter(requestTimeout);
                answer = await BroadcastAsync(http, url, tx, attempt.Token);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && e is HttpRequestException or OperationCanceledException or IOException
                                          && DateTime.UtcNow < deadline)
            {
                resent = true;
                onResend();
                var pause = TimeSpan.FromMilliseconds(Math.Min(100, requestTimeout.TotalMilliseconds + 1));
                requestTimeout = TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, requestTimeout.Ticks * 2 + TimeSpan.TicksPerMillisecond));
                await Task.Delay(pause, ct);
                continue;
            }
            if (answer.Code == 0) return answer;
            if (answer.Code == uint.MaxValue && answer.Log.Contains("mempool is full", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, ct);
                continue;
            }
            if (!resent) return answer;
            // An earlier attempt is in the cache (its CheckTx may still be running), pending, or committed.
            if (answer.Log.Contains("tx already exists in cache", StringComparison.Ordinal)) return (0, "");
            return await AdmittedEarlierAsync(node, tx, deadline, ct) ? (0, "") : answer;
        }
    }

    /// <summary>
    /// Whether the tx is pending or committed. A tx leaves the mempool at Commit and is indexed just after, so
    /// each round first waits until the heights stored so far are indexed; a tx caught between the two in one
    /// round is found in the index in the next.
    /// </summary>
    private static async Task<bool> AdmittedEarlierAsync(NodeHost node, byte[] tx, DateTime deadline, CancellationToken ct)
    {
        var hash = TxHash.Compute(tx);
        for (var round = 0; round < 3; round++)
        {
            var stored = node.Backend.Blocks.Height;
            while (node.Backend.LatestHeight < stored && DateTime.UtcNow < deadline) await Task.Delay(20, ct);
            if (node.Backend.TxIndex.Get(hash) is not null) return true;
            if (node.Backend.Mempool.ReapMaxTxs(-1).Any(t => t.AsSpan().SequenceEqual(tx))) return true;
        }
        return false;
    }

    /// <summary>broadcast_tx_sync; a JSON-RPC error (e.g. mempool full) comes back as code uint.MaxValue with its message.</summary>
    private static async Task<(uint Code, string Log)> BroadcastAsync(HttpClient http, Uri url, byte[] tx, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "broadcast_tx_sync",
            ["params"] = new JsonObject { ["tx"] = Convert.ToBase64String(tx) },
        };
        using var response = await http.PostAsync(url, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);
        var json = await response.Content.ReadFromJsonAsync<JsonNode>(ct);
        if (json?["error"] is { } error) return (uint.MaxValue, error.ToJsonString());
        var result = json!["result"]!;
        return ((uint?)result["code"] ?? 0, (string?)result["log"] ?? "");
    }
}
