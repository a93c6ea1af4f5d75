using System.Text;
using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Rpc;
using Maci.Node.Store;
using Maci.Node.Tests.Store;

namespace Maci.Node.Tests.Rpc;

public class JsonShapeTests
{
    private static string S(byte[] json) => Encoding.UTF8.GetString(json);

    [Fact]
    public void Broadcast_sync_result_has_every_field_and_hex_hash()
    {
        var hash = new byte[32];
        hash[0] = 0xAB;
        Assert.Equal(
            "{\"code\":0,\"data\":\"\",\"log\":\"\",\"codespace\":\"\",\"hash\":\"AB00000000000000000000000000000000000000000000000000000000000000\"}",
            S(CometJson.BroadcastTxResult(new CheckTxResult(GasWanted: 5), hash)));
        Assert.Equal(
            "{\"code\":5,\"data\":\"0A0B\",\"log\":\"no\",\"codespace\":\"sdk\",\"hash\":\"AB00000000000000000000000000000000000000000000000000000000000000\"}",
            S(CometJson.BroadcastTxResult(new CheckTxResult(Code: 5, Data: [0x0A, 0x0B], Log: "no", Codespace: "sdk"), hash)));
    }

    [Fact]
    public void Exec_tx_result_omits_zero_fields_and_writes_int64_as_strings()
    {
        var json = CometJson.RenderString(w => CometJson.WriteExecTxResult(w, null, new ExecTxResult(
            Data: [1, 2], GasWanted: 200000, GasUsed: 51234,
            Events: [new AbciEvent("transfer", new AbciEventAttribute("amount", "5stake", true), new AbciEventAttribute("memo", "", false))])));
        Assert.Equal(
            "{\"data\":\"AQI=\",\"gas_wanted\":\"200000\",\"gas_used\":\"51234\",\"events\":[{\"type\":\"transfer\",\"attributes\":[{\"key\":\"amount\",\"value\":\"5stake\",\"index\":true},{\"key\":\"memo\"}]}]}",
            json);
        Assert.Equal("{\"code\":7,\"log\":\"x\",\"codespace\":\"sdk\"}",
            CometJson.RenderString(w => CometJson.WriteExecTxResult(w, null, new ExecTxResult(Code: 7, Log: "x", Codespace: "sdk"))));
    }

    [Fact]
    public void Abci_query_and_info_results_are_omitempty()
    {
        Assert.Equal("{\"response\":{\"value\":\"AQID\",\"height\":\"7\"}}",
            S(CometJson.AbciQueryResult(new AbciQueryResponse(Value: [1, 2, 3], Height: 7))));
        Assert.Equal("{\"response\":{\"code\":22,\"log\":\"not found\",\"height\":\"7\",\"codespace\":\"sdk\"}}",
            S(CometJson.AbciQueryResult(new AbciQueryResponse(Code: 22, Log: "not found", Height: 7, Codespace: "sdk"))));
        Assert.Equal("{\"response\":{\"data\":\"maci\",\"version\":\"1.0\",\"app_version\":\"1\",\"last_block_height\":\"9\",\"last_block_app_hash\":\"q80=\"}}",
            S(CometJson.AbciInfoResult(new AbciInfo("maci", "1.0", 1, 9, [0xAB, 0xCD]))));
        Assert.Equal("{\"response\":{}}", S(CometJson.AbciInfoResult(new AbciInfo("", "", 0, 0, []))));
    }

    [Fact]
    public void Tx_search_result_golden()
    {
        var tx = Encoding.UTF8.GetBytes("hello");
        var page = new TxSearchPage([new IndexedTx(TxHash.Compute(tx), 12, 3, tx, new ExecTxResult(GasUsed: 10))], 31);
        Assert.Equal(
            "{\"txs\":[{\"hash\":\"2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\",\"height\":\"12\",\"index\":3," +
            "\"tx_result\":{\"gas_used\":\"10\"},\"tx\":\"aGVsbG8=\"}],\"total_count\":\"31\"}",
            S(CometJson.TxSearchResult(page)));
    }

    [Fact]
    public void Block_at_height_one_has_empty_last_block_id_and_commit()
    {
        var chain = new TestChain();
        var (block, id) = chain.Append([]);
        using var doc = JsonDocument.Parse(CometJson.BlockResult(id, block));
        var root = doc.RootElement;
        Assert.Equal(Convert.ToHexString(id.Hash), root.GetProperty("block_id").GetProperty("hash").GetString());
        Assert.Equal(1, root.GetProperty("block_id").GetProperty("parts").GetProperty("total").GetInt32());
        var b = root.GetProperty("block");
        var header = b.GetProperty("header");
        Assert.Equal("{\"block\":\"11\",\"app\":\"1\"}", header.GetProperty("version").GetRawText());
        Assert.Equal("1", header.GetProperty("height").GetString());
        Assert.Equal("2023-11-14T22:13:21.5Z", header.GetProperty("time").GetString());
        Assert.Equal("{\"hash\":\"\",\"parts\":{\"total\":0,\"hash\":\"\"}}", header.GetProperty("last_block_id").GetRawText());
        Assert.Equal("AB", header.GetProperty("app_hash").GetString());
        Assert.Equal(Convert.ToHexString(chain.Factory.Key.Address), header.GetProperty("proposer_address").GetString());
        Assert.Equal("{\"txs\":[]}", b.GetProperty("data").GetRawText());
        Assert.Equal("{\"evidence\":[]}", b.GetProperty("evidence").GetRawText());
        Assert.Equal("{\"height\":\"0\",\"round\":0,\"block_id\":{\"hash\":\"\",\"parts\":{\"total\":0,\"hash\":\"\"}},\"signatures\":[]}",
            b.GetProperty("last_commit").GetRawText());
    }

    [Fact]
    public void Commit_signature_shape()
    {
        var chain = new TestChain();
        var (_, id) = chain.Append([]);
        var commit = chain.Blocks.LoadCommit(1)!;
        using var doc = JsonDocument.Parse(CometJson.RenderString(w => { w.WriteStartObject(); CometJson.WriteCommit(w, "c", commit); w.WriteEndObject(); }));
        var sig = doc.RootElement.GetProperty("c").GetProperty("signatures")[0];
        Assert.Equal(2, sig.GetProperty("block_id_flag").GetInt32());
        Assert.Equal(Convert.ToHexString(chain.Factory.Key.Address), sig.GetProperty("validator_address").GetString());
        Assert.Equal(64, Convert.FromBase64String(sig.GetProperty("signature").GetString()!).Length);
        Assert.Equal("1", doc.RootElement.GetProperty("c").GetProperty("height").GetString());
    }

    [Fact]
    public void Block_results_use_null_for_empty_lists()
    {
        var json = S(CometJson.BlockResultsResult(new BlockResults(4, [], [], [], null, [0xAA])));
        Assert.Equal("{\"height\":\"4\",\"txs_results\":null,\"finalize_block_events\":null,\"validator_updates\":null,\"consensus_param_updates\":null,\"app_hash\":\"qg==\"}", json);
        var withUpdate = S(CometJson.BlockResultsResult(new BlockResults(4, [new ExecTxResult()], [], [new ValidatorUpdate(new byte[32], 5)], null, [])));
        Assert.Contains("\"txs_results\":[{}]", withUpdate);
        Assert.Contains("{\"pub_key\":{\"Sum\":{\"type\":\"tendermint.crypto.PublicKey_Ed25519\",\"value\":{\"ed25519\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}},\"power\":\"5\"}", withUpdate);
    }

    [Fact]
    public void Status_golden()
    {
        var status = new NodeStatus(
            new NodeInfo("aa", "chain-1", "m"),
            new SyncInfo([0x01], [0x02], 5, new ChainTime(0, 0), [0x03], [0x04], 1, new ChainTime(0, 1000)),
            new ValidatorInfo([0x0F], new byte[32], 10));
        Assert.Equal(
            "{\"node_info\":{\"protocol_version\":{\"p2p\":\"8\",\"block\":\"11\",\"app\":\"0\"},\"id\":\"aa\",\"listen_addr\":\"tcp://127.0.0.1:26656\"," +
            "\"network\":\"chain-1\",\"version\":\"0.38.25\",\"channels\":\"40202122233038606100\",\"moniker\":\"m\"," +
            "\"other\":{\"tx_index\":\"on\",\"rpc_address\":\"tcp://127.0.0.1:26657\"}}," +
            "\"sync_info\":{\"latest_block_hash\":\"01\",\"latest_app_hash\":\"02\",\"latest_block_height\":\"5\",\"latest_block_time\":\"1970-01-01T00:00:00Z\"," +
            "\"earliest_block_hash\":\"03\",\"earliest_app_hash\":\"04\",\"earliest_block_height\":\"1\",\"earliest_block_time\":\"1970-01-01T00:00:00.000001Z\",\"catching_up\":false}," +
            "\"validator_info\":{\"address\":\"0F\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"},\"voting_power\":\"10\"}}",
            S(CometJson.StatusResult(status)));
    }

    [Fact]
    public void Genesis_and_unconfirmed_golden()
    {
        var g = new GenesisInfo(new ChainTime(0, 0), "c", 1, new ConsensusParams(), [new GenesisValidator([0x01], new byte[32], 10, "v")], [], "{\"a\":1}");
        Assert.Equal(
            "{\"genesis\":{\"genesis_time\":\"1970-01-01T00:00:00Z\",\"chain_id\":\"c\",\"initial_height\":\"1\"," +
            "\"consensus_params\":{\"block\":{\"max_bytes\":\"22020096\",\"max_gas\":\"-1\"},\"evidence\":{\"max_age_num_blocks\":\"100000\",\"max_age_duration\":\"172800000000000\",\"max_bytes\":\"1048576\"}," +
            "\"validator\":{\"pub_key_types\":[\"ed25519\"]},\"version\":{\"app\":\"0\"},\"abci\":{\"vote_extensions_enable_height\":\"0\"}}," +
            "\"validators\":[{\"address\":\"01\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"},\"power\":\"10\",\"name\":\"v\"}]," +
            "\"app_hash\":\"\",\"app_state\":{\"a\":1}}}",
            S(CometJson.GenesisResult(g)));
        Assert.Equal("{\"n_txs\":\"2\",\"total\":\"2\",\"total_bytes\":\"7\",\"txs\":null}", S(CometJson.UnconfirmedTxsResult(2, 2, 7, null)));
        Assert.Equal("{\"n_txs\":\"1\",\"total\":\"2\",\"total_bytes\":\"7\",\"txs\":[\"AQ==\"]}", S(CometJson.UnconfirmedTxsResult(1, 2, 7, [[1]])));
    }

    [Fact]
    public void Tx_event_envelope_golden()
    {
        var tx = Encoding.UTF8.GetBytes("hello");
        var e = new TxEvent(new IndexedTx(TxHash.Compute(tx), 3, 0, tx,
            new ExecTxResult(Events: [new AbciEvent("message", new AbciEventAttribute("action", "send", false))])));
        Assert.Equal(
            "{\"query\":\"tm.event='Tx'\",\"data\":{\"type\":\"tendermint/event/Tx\",\"value\":{\"TxResult\":{\"height\":\"3\",\"tx\":\"aGVsbG8=\"," +
            "\"result\":{\"events\":[{\"type\":\"message\",\"attributes\":[{\"key\":\"action\",\"value\":\"send\"}]}]}}}}," +
            "\"events\":{\"message.action\":[\"send\"],\"tm.event\":[\"Tx\"],\"tx.hash\":[\"2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824\"],\"tx.height\":[\"3\"]}}",
            S(CometJson.EventResult("tm.event='Tx'", e)));
    }

    [Fact]
    public void Tx_event_writes_a_non_zero_index_as_a_number()
    {
        var tx = Encoding.UTF8.GetBytes("second");
        var e = new TxEvent(new IndexedTx(TxHash.Compute(tx), 12, 1, tx, new ExecTxResult(Code: 5, GasUsed: 7, Codespace: "sdk")));
        using var doc = JsonDocument.Parse(CometJson.EventResult("tm.event='Tx'", e));
        var txResult = doc.RootElement.GetProperty("data").GetProperty("value").GetProperty("TxResult");
        Assert.Equal(JsonValueKind.Number, txResult.GetProperty("index").ValueKind);
        Assert.Equal(1, txResult.GetProperty("index").GetInt32());
        Assert.Equal("12", txResult.GetProperty("height").GetString());
        Assert.Equal("{\"code\":5,\"gas_used\":\"7\",\"codespace\":\"sdk\"}", txResult.GetProperty("result").GetRawText());
    }

    [Fact]
    public void New_block_event_envelope_shape()
    {
        var chain = new TestChain();
        var (block, id) = chain.Append([TestChain.Tx(1, 0)]);
        var e = new NewBlockEvent(block, id, chain.Blocks.LoadResults(1)!);
        using var doc = JsonDocument.Parse(CometJson.EventResult("tm.event='NewBlock'", e));
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("tendermint/event/NewBlock", data.GetProperty("type").GetString());
        Assert.Equal("1", data.GetProperty("value").GetProperty("block").GetProperty("header").GetProperty("height").GetString());
        Assert.Equal(1, data.GetProperty("value").GetProperty("result_finalize_block").GetProperty("tx_results").GetArrayLength());
        Assert.Equal("[\"NewBlock\"]", doc.RootElement.GetProperty("events").GetProperty("tm.event").GetRawText());
    }

    [Fact]
    public void Header_and_validators_golden()
    {
        var h = Chain.HeaderTests.CometVectorHeader();
        string Hex(byte[] b) => Convert.ToHexString(b);
        Assert.Equal(
            "{\"h\":{\"version\":{\"block\":\"1\",\"app\":\"2\"},\"chain_id\":\"chainId\",\"height\":\"3\",\"time\":\"2019-10-13T16:14:44Z\"," +
            "\"last_block_id\":{\"hash\":\"" + new string('0', 64) + "\",\"parts\":{\"total\":6,\"hash\":\"" + new string('0', 64) + "\"}}," +
            $"\"last_commit_hash\":\"{Hex(h.LastCommitHash)}\",\"data_hash\":\"{Hex(h.DataHash)}\",\"validators_hash\":\"{Hex(h.ValidatorsHash)}\"," +
            $"\"next_validators_hash\":\"{Hex(h.NextValidatorsHash)}\",\"consensus_hash\":\"{Hex(h.ConsensusHash)}\",\"app_hash\":\"{Hex(h.AppHash)}\"," +
            $"\"last_results_hash\":\"{Hex(h.LastResultsHash)}\",\"evidence_hash\":\"{Hex(h.EvidenceHash)}\",\"proposer_address\":\"{Hex(h.ProposerAddress)}\"}}}}",
            CometJson.RenderString(w => { w.WriteStartObject(); CometJson.WriteHeader(w, "h", h); w.WriteEndObject(); }));
        Assert.Equal(
            "{\"block_height\":\"7\",\"validators\":[{\"address\":\"0A\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}," +
            "\"voting_power\":\"10\",\"proposer_priority\":\"-3\"}],\"count\":\"1\",\"total\":\"4\"}",
            S(CometJson.ValidatorsResult(7, [new ValidatorInfo([0x0A], new byte[32], 10, -3)], 4)));
    }

    [Fact]
    public void Error_envelope_golden()
    {
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\"boom\"}}",
            S(JsonRpcResponse.Error(new JsonRpcId("7"), RpcException.Internal("boom"))));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}",
            S(JsonRpcResponse.Error(new JsonRpcId("\"x\""), RpcException.MethodNotFound())));
        Assert.Equal("{\"jsonrpc\":\"2.0\",\"id\":-1,\"result\":{}}", S(JsonRpcResponse.Result(JsonRpcId.Uri, CometJson.EmptyResult())));
    }
}
