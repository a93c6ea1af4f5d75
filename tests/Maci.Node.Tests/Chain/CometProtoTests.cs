using Maci.Node.Chain;

namespace Maci.Node.Tests.Chain;

public class CometProtoTests
{
    [Fact]
    public void Precommit_sign_bytes_match_cometbft_vector()
    {
        // types/vote_test.go TestVoteSignBytesTestVectors case 1: precommit, height 1, round 1,
        // Go zero time, empty block id, empty chain id.
        var bytes = CometProto.PrecommitSignBytes("", 1, 1, BlockId.Empty, new ChainTime(-62135596800, 0));
        Assert.Equal("2108021101000000000000001901000000000000002A0B088092B8C398FEFFFFFF01", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Empty_block_id_still_writes_part_set_header()
    {
        // gogoproto writes the non-nullable part_set_header even when empty.
        Assert.Equal("1200", Convert.ToHexString(CometProto.EncodeBlockId(BlockId.Empty)));
    }

    [Fact]
    public void Deterministic_result_drops_log_info_events_codespace()
    {
        var full = new ExecTxResult(5, [1, 2], "log", "info", 100, 50,
            [new AbciEvent("transfer", new AbciEventAttribute("amount", "1", true))], "sdk");
        var bare = new ExecTxResult(5, [1, 2], GasWanted: 100, GasUsed: 50);
        Assert.Equal(CometProto.EncodeDeterministicResult(bare), CometProto.EncodeDeterministicResult(full));
        // code=5, data=0102, gas_wanted=100, gas_used=50
        Assert.Equal("08051202010228643032", Convert.ToHexString(CometProto.EncodeDeterministicResult(full)));
    }

    [Fact]
    public void Exec_tx_result_round_trips_with_events()
    {
        var r = new ExecTxResult(3, [9], "bad", "i", 7, 6,
            [new AbciEvent("message", new AbciEventAttribute("sender", "cosmos1x", true), new AbciEventAttribute("module", "bank", false))],
            "sdk");
        var back = CometProto.DecodeExecTxResult(CometProto.EncodeExecTxResult(r));
        Assert.Equal(r.Code, back.Code);
        Assert.Equal(r.Data, back.Data);
        Assert.Equal((r.Log, r.Info, r.GasWanted, r.GasUsed, r.Codespace), (back.Log, back.Info, back.GasWanted, back.GasUsed, back.Codespace));
        Assert.Equal(r.EventList[0].Attributes, back.EventList[0].Attributes);
    }

    [Fact]
    public void Block_results_round_trip()
    {
        var results = new BlockResults(7,
            [new ExecTxResult(0, GasUsed: 10), new ExecTxResult(1, Log: "fail")],
            [new AbciEvent("coinbase", new AbciEventAttribute("minter", "m", false))],
            [new ValidatorUpdate(new byte[32], 10)],
            new ConsensusParams(BlockMaxGas: 1000),
            [0xAA]);
        var back = CometProto.DecodeBlockResults(CometProto.EncodeBlockResults(results));
        Assert.Equal(7, back.Height);
        Assert.Equal(2, back.TxResults.Count);
        Assert.Equal("fail", back.TxResults[1].Log);
        Assert.Equal("coinbase", back.FinalizeBlockEvents[0].Type);
        Assert.Equal(10, back.ValidatorUpdates[0].Power);
        Assert.Equal(1000, back.ConsensusParamUpdates!.BlockMaxGas);
        Assert.Equal(["ed25519"], back.ConsensusParamUpdates.PubKeyTypeList);
        Assert.Equal([0xAA], back.AppHash);
    }

    [Fact]
    public void Malformed_protobuf_gives_format_exception() =>
        Assert.Throws<FormatException>(() => CometProto.DecodeBlock([0x0a, 0x05, 0x01]));

    [Fact]
    public void Consensus_hash_is_sha256_of_hashed_params()
    {
        var p = new ConsensusParams(BlockMaxBytes: 22020096, BlockMaxGas: -1);
        // HashedParams{1: 22020096, 2: -1 (ten-byte varint)}
        var expected = System.Security.Cryptography.SHA256.HashData(Convert.FromHexString("088080C00A10FFFFFFFFFFFFFFFFFF01"));
        Assert.Equal(expected, p.ComputeHash());
    }
}
