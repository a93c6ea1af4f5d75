using System.Text;
using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Rpc;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

public class RpcDispatcherTests
{
    private static (FakeBackend Backend, RpcDispatcher Rpc) Setup(int blocks = 3)
    {
        var chain = new TestChain();
        for (var h = 1; h <= blocks; h++) chain.Append([TestChain.Tx(h, 0), TestChain.Tx(h, 1)]);
        var backend = new FakeBackend(chain);
        return (backend, new RpcDispatcher(backend));
    }

    private static async Task<JsonElement> Post(RpcDispatcher rpc, string body)
    {
        var requests = JsonRpcRequest.ParseBody(Encoding.UTF8.GetBytes(body), out _);
        var response = await rpc.HandleAsync(requests[0]);
        return JsonDocument.Parse(response!).RootElement.Clone();
    }

    private static Task<JsonElement> Call(RpcDispatcher rpc, string method, string paramsJson = "{}") =>
        Post(rpc, $"{{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"{method}\",\"params\":{paramsJson}}}");

    private static async Task<JsonElement> Result(RpcDispatcher rpc, string method, string paramsJson = "{}")
    {
        var r = await Call(rpc, method, paramsJson);
        Assert.True(r.TryGetProperty("result", out var result), r.GetRawText());
        Assert.Equal(42, r.GetProperty("id").GetInt32());
        return result;
    }

    private static async Task<JsonElement> Error(RpcDispatcher rpc, string method, string paramsJson = "{}")
    {
        var r = await Call(rpc, method, paramsJson);
        Assert.True(r.TryGetProperty("error", out var error), r.GetRawText());
        return error;
    }

    [Fact]
    public async Task Block_defaults_to_latest_and_validates_height()
    {
        var (_, rpc) = Setup();
        Assert.Equal("3", (await Result(rpc, "block")).GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal("2", (await Result(rpc, "block", "{\"height\":\"2\"}")).GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal("2", (await Result(rpc, "block", "{\"height\":2}")).GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        var tooHigh = await Error(rpc, "block", "{\"height\":\"9\"}");
        Assert.Equal(-32603, tooHigh.GetProperty("code").GetInt32());
        Assert.Equal("height 9 must be less than or equal to the current blockchain height 3", tooHigh.GetProperty("data").GetString());
        Assert.Equal("height must be greater than 0, but got 0", (await Error(rpc, "block", "{\"height\":\"0\"}")).GetProperty("data").GetString());
        Assert.Equal(-32602, (await Error(rpc, "block", "{\"height\":\"abc\"}")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Block_by_hash_and_positional_params()
    {
        var (backend, rpc) = Setup();
        var id = backend.Blocks.LoadBlockId(2)!;
        var r = await Result(rpc, "block_by_hash", $"[\"{Convert.ToBase64String(id.Hash)}\"]");
        Assert.Equal("2", r.GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        var missing = await Result(rpc, "block_by_hash", $"{{\"hash\":\"{Convert.ToBase64String(new byte[32])}\"}}");
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("block").ValueKind);
    }

    [Fact]
    public async Task Commit_is_canonical_except_at_latest_height()
    {
        var (backend, rpc) = Setup();
        var latest = await Result(rpc, "commit");
        Assert.False(latest.GetProperty("canonical").GetBoolean());
        var older = await Result(rpc, "commit", "{\"height\":\"2\"}");
        Assert.True(older.GetProperty("canonical").GetBoolean());
        Assert.Equal(Convert.ToHexString(backend.Blocks.LoadBlockId(2)!.Hash),
            older.GetProperty("signed_header").GetProperty("commit").GetProperty("block_id").GetProperty("hash").GetString());
    }

    [Fact]
    public async Task Blockchain_lists_metas_newest_first_with_limits()
    {
        var (_, rpc) = Setup(25);
        var all = await Result(rpc, "blockchain");
        Assert.Equal("25", all.GetProperty("last_height").GetString());
        var metas = all.GetProperty("block_metas");
        Assert.Equal(20, metas.GetArrayLength());
        Assert.Equal("25", metas[0].GetProperty("header").GetProperty("height").GetString());
        Assert.Equal("2", metas[0].GetProperty("num_txs").GetString());
        var range = await Result(rpc, "blockchain", "{\"minHeight\":\"2\",\"maxHeight\":\"4\"}");
        Assert.Equal(3, range.GetProperty("block_metas").GetArrayLength());
        Assert.Equal("min height 5 can't be greater than max height 4",
            (await Error(rpc, "blockchain", "{\"minHeight\":\"5\",\"maxHeight\":\"4\"}")).GetProperty("data").GetString());
    }

    [Fact]
    public async Task Block_results_validators_genesis_status()
    {
        var (_, rpc) = Setup();
        var br = await Result(rpc, "block_results", "{\"height\":\"1\"}");
        Assert.Equal(2, br.GetProperty("txs_results").GetArrayLength());
        var v = await Result(rpc, "validators");
        Assert.Equal("4", v.GetProperty("block_height").GetString());
        Assert.Equal("1", v.GetProperty("total").GetString());
        Assert.Equal("page should be within [1, 1] range, given 2", (await Error(rpc, "validators", "{\"page\":\"2\"}")).GetProperty("data").GetString());
        Assert.Equal(TestChain.ChainId, (await Result(rpc, "genesis")).GetProperty("genesis").GetProperty("chain_id").GetString());
        Assert.Equal("3", (await Result(rpc, "status")).GetProperty("sync_info").GetProperty("latest_block_height").GetString());
        Assert.Equal("{}", (await Result(rpc, "health")).GetRawText());
        Assert.Equal("4", (await Result(rpc, "consensus_params")).GetProperty("block_height").GetString());
    }

    [Fact]
    public async Task Abci_query_passes_hex_data_and_height()
    {
        var (backend, rpc) = Setup();
        var r = await Result(rpc, "abci_query", "{\"path\":\"/cosmos.bank.v1beta1.Query/Balance\",\"data\":\"0a0b\",\"prove\":false}");
        Assert.Equal("AQID", r.GetProperty("response").GetProperty("value").GetString());
        Assert.Equal("3", r.GetProperty("response").GetProperty("height").GetString());
        var q = backend.Queries.Single();
        Assert.Equal(("/cosmos.bank.v1beta1.Query/Balance", 0L, false), (q.Path, q.Height, q.Prove));
        Assert.Equal([0x0a, 0x0b], q.Data);
        Assert.Equal(-32602, (await Error(rpc, "abci_query", "{\"path\":\"/x\",\"data\":\"zz\"}")).GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Tx_and_tx_search()
    {
        var (_, rpc) = Setup();
        var hash = TxHash.Compute(TestChain.Tx(2, 1));
        var tx = await Result(rpc, "tx", $"{{\"hash\":\"{Convert.ToBase64String(hash)}\",\"prove\":false}}");
        Assert.Equal("2", tx.GetProperty("height").GetString());
        Assert.Equal(1, tx.GetProperty("index").GetInt32());
        Assert.Equal($"tx ({Convert.ToHexString(new byte[32])}) not found",
            (await Error(rpc, "tx", $"{{\"hash\":\"{Convert.ToBase64String(new byte[32])}\"}}")).GetProperty("data").GetString());

        var search = await Result(rpc, "tx_search", $"{{\"query\":\"tx.hash='{Convert.ToHexString(hash)}'\",\"page\":\"1\"}}");
        Assert.Equal("1", search.GetProperty("total_count").GetString());
        var paged = await Result(rpc, "tx_search", "{\"query\":\"tx.height>=1\",\"per_page\":\"4\",\"page\":\"2\",\"order_by\":\"desc\"}");
        Assert.Equal("6", paged.GetProperty("total_count").GetString());
        Assert.Equal(2, paged.GetProperty("txs").GetArrayLength());
        Assert.Equal("1", paged.GetProperty("txs")[0].GetProperty("height").GetString());
        var bad = await Error(rpc, "tx_search", "{\"query\":\"tx.height >\"}");
        Assert.Equal(-32603, bad.GetProperty("code").GetInt32());
        Assert.Contains("wanted a value", bad.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Block_search_returns_blocks_and_total()
    {
        var (_, rpc) = Setup();
        var r = await Result(rpc, "block_search", "{\"query\":\"mint.phase='odd'\",\"order_by\":\"desc\"}");
        Assert.Equal("2", r.GetProperty("total_count").GetString());
        Assert.Equal("3", r.GetProperty("blocks")[0].GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal("1", r.GetProperty("blocks")[1].GetProperty("block").GetProperty("header").GetProperty("height").GetString());
    }

    [Fact]
    public async Task Broadcast_sync_reports_check_tx_and_duplicates_fail()
    {
        var (backend, rpc) = Setup();
        var tx = Encoding.UTF8.GetBytes("good tx");
        var ok = await Result(rpc, "broadcast_tx_sync", $"{{\"tx\":\"{Convert.ToBase64String(tx)}\"}}");
        Assert.Equal(0, ok.GetProperty("code").GetInt32());
        Assert.Equal(Convert.ToHexString(TxHash.Compute(tx)), ok.GetProperty("hash").GetString());
        var dup = await Error(rpc, "broadcast_tx_sync", $"{{\"tx\":\"{Convert.ToBase64String(tx)}\"}}");
        Assert.Equal("tx already exists in cache", dup.GetProperty("data").GetString());
        var bad = await Result(rpc, "broadcast_tx_sync", $"{{\"tx\":\"{Convert.ToBase64String("bad tx"u8.ToArray())}\"}}");
        Assert.Equal(5, bad.GetProperty("code").GetInt32());
        Assert.Equal("sdk", bad.GetProperty("codespace").GetString());
        var num = await Result(rpc, "num_unconfirmed_txs");
        Assert.Equal("1", num.GetProperty("total").GetString());
        var unconfirmed = await Result(rpc, "unconfirmed_txs", "{\"limit\":\"5\"}");
        Assert.Equal(Convert.ToBase64String(tx), unconfirmed.GetProperty("txs")[0].GetString());
        Assert.Equal(1, backend.Mempool.Size);
    }

    [Fact]
    public async Task Broadcast_async_returns_the_hash_and_reports_mempool_refusals()
    {
        var (backend, rpc) = Setup();
        var tx = Encoding.UTF8.GetBytes("async tx");
        var r = await Result(rpc, "broadcast_tx_async", $"{{\"tx\":\"{Convert.ToBase64String(tx)}\"}}");
        Assert.Equal(0, r.GetProperty("code").GetInt32());
        Assert.Equal(Convert.ToHexString(TxHash.Compute(tx)), r.GetProperty("hash").GetString());
        Assert.Equal("tx already exists in cache",
            (await Error(rpc, "broadcast_tx_async", $"{{\"tx\":\"{Convert.ToBase64String(tx)}\"}}")).GetProperty("data").GetString());
        var rejected = await Result(rpc, "broadcast_tx_async", $"{{\"tx\":\"{Convert.ToBase64String("bad async"u8.ToArray())}\"}}");
        Assert.Equal(0, rejected.GetProperty("code").GetInt32()); // the verdict is not part of the async answer
        Assert.Equal(1, backend.Mempool.Size);
    }

    [Fact]
    public async Task Broadcasts_after_the_mempool_closed_are_refused_without_calling_the_app()
    {
        var (backend, rpc) = Setup();
        await backend.Mempool.CloseAsync();
        var error = await Error(rpc, "broadcast_tx_sync", $"{{\"tx\":\"{Convert.ToBase64String("late"u8.ToArray())}\"}}");
        Assert.Equal(-32603, error.GetProperty("code").GetInt32());
        Assert.Contains("mempool is closed", error.GetProperty("data").GetString());
        Assert.Equal(0, backend.Mempool.Size);
    }

    [Fact]
    public async Task Broadcast_commit_waits_for_the_block()
    {
        var (backend, rpc) = Setup();
        var tx = Encoding.UTF8.GetBytes("commit me");
        var pending = Call(rpc, "broadcast_tx_commit", $"{{\"tx\":\"{Convert.ToBase64String(tx)}\"}}");
        while (backend.Mempool.Size == 0) await Task.Delay(5);
        await backend.ProduceBlockAsync();
        var r = (await pending).GetProperty("result");
        Assert.Equal("4", r.GetProperty("height").GetString());
        Assert.Equal("200000", r.GetProperty("tx_result").GetProperty("gas_wanted").GetString());
        Assert.Equal("1000", r.GetProperty("check_tx").GetProperty("gas_wanted").GetString());
        Assert.Equal(0, backend.Events.SubscriptionCount);

        var failed = await Result(rpc, "broadcast_tx_commit", $"{{\"tx\":\"{Convert.ToBase64String("bad one"u8.ToArray())}\"}}");
        Assert.Equal(5, failed.GetProperty("check_tx").GetProperty("code").GetInt32());
        Assert.Equal("0", failed.GetProperty("height").GetString());
    }

    [Fact]
    public async Task Broadcast_commit_times_out()
    {
        var (backend, rpc) = Setup();
        backend.BroadcastTxCommitTimeout = TimeSpan.FromMilliseconds(50);
        var e = await Error(rpc, "broadcast_tx_commit", $"{{\"tx\":\"{Convert.ToBase64String("never"u8.ToArray())}\"}}");
        Assert.Equal("timed out waiting for tx to be included in a block", e.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Request_level_errors()
    {
        var (_, rpc) = Setup();
        Assert.Equal(-32601, (await Error(rpc, "no_such_method")).GetProperty("code").GetInt32());
        var ex = Assert.Throws<RpcException>(() => JsonRpcRequest.ParseBody("{not json"u8, out _));
        Assert.Equal(-32700, ex.Code);
        var badParams = await Post(rpc, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"block\",\"params\":5}");
        Assert.Equal(-32602, badParams.GetProperty("error").GetProperty("code").GetInt32());
        var tooMany = await Post(rpc, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"block\",\"params\":[\"1\",\"2\"]}");
        Assert.Equal(-32602, tooMany.GetProperty("error").GetProperty("code").GetInt32());
        var notification = JsonRpcRequest.ParseBody("{\"jsonrpc\":\"2.0\",\"method\":\"health\"}"u8, out _)[0];
        Assert.Null(await rpc.HandleAsync(notification));
        var wrongVersion = Assert.Throws<RpcException>(() => JsonRpcRequest.ParseBody("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"health\"}"u8, out _));
        Assert.Equal(-32600, wrongVersion.Code);
        var batch = JsonRpcRequest.ParseBody("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"health\"},{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"status\"}]"u8, out var isBatch);
        Assert.True(isBatch);
        Assert.Equal(2, batch.Count);
        Assert.Equal("\"b\"", batch[1].Id.RawJson);
    }

    [Fact]
    public void Uri_params_follow_cometbft_conventions()
    {
        var p = RpcParams.FromUri([
            new("height", "5"), new("h2", "\"6\""), new("query", "\"tx.height=5\""), new("hash", "0xABCD"),
            new("tx", "\"raw\""), new("prove", "true"), new("bad", "tx.height=5"),
        ]);
        Assert.Equal(5, p.Int64("height"));
        Assert.Equal(6, p.Int64("h2"));
        Assert.Equal("tx.height=5", p.String("query"));
        Assert.Equal([0xAB, 0xCD], p.Bytes("hash"));
        Assert.Equal("raw"u8.ToArray(), p.Bytes("tx"));
        Assert.True(p.Bool("prove"));
        Assert.Equal(-32602, Assert.Throws<RpcException>(() => p.String("bad")).Code);
        Assert.Null(p.Int64("missing"));
    }
}
