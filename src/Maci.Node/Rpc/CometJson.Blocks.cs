using System.Text.Json;
using Maci.Node.Chain;
using Maci.Node.Store;

namespace Maci.Node.Rpc;

public static partial class CometJson
{
    public static void WriteBlockId(Utf8JsonWriter w, string name, BlockId id)
    {
        w.WriteStartObject(name);
        w.Hex("hash", id.Hash);
        w.WriteStartObject("parts");
        w.WriteNumber("total", id.PartSetHeader.Total);
        w.Hex("hash", id.PartSetHeader.Hash);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void WriteHeader(Utf8JsonWriter w, string name, Header h)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("version");
        w.UInt64String("block", h.Version.Block);
        w.UInt64String("app", h.Version.App);
        w.WriteEndObject();
        w.WriteString("chain_id", h.ChainId);
        w.Int64String("height", h.Height);
        w.Time("time", h.Time);
        WriteBlockId(w, "last_block_id", h.LastBlockId);
        w.Hex("last_commit_hash", h.LastCommitHash);
        w.Hex("data_hash", h.DataHash);
        w.Hex("validators_hash", h.ValidatorsHash);
        w.Hex("next_validators_hash", h.NextValidatorsHash);
        w.Hex("consensus_hash", h.ConsensusHash);
        w.Hex("app_hash", h.AppHash);
        w.Hex("last_results_hash", h.LastResultsHash);
        w.Hex("evidence_hash", h.EvidenceHash);
        w.Hex("proposer_address", h.ProposerAddress);
        w.WriteEndObject();
    }

    public static void WriteCommit(Utf8JsonWriter w, string name, Commit c)
    {
        w.WriteStartObject(name);
        w.Int64String("height", c.Height);
        w.WriteNumber("round", c.Round);
        WriteBlockId(w, "block_id", c.BlockId);
        w.WriteStartArray("signatures");
        foreach (var s in c.Signatures)
        {
            w.WriteStartObject();
            w.WriteNumber("block_id_flag", (int)s.Flag);
            w.Hex("validator_address", s.ValidatorAddress);
            w.Time("timestamp", s.Timestamp);
            w.Base64OrNull("signature", s.Signature.Length == 0 ? null : s.Signature);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteBlock(Utf8JsonWriter w, string name, Block b)
    {
        w.WriteStartObject(name);
        WriteHeader(w, "header", b.Header);
        w.WriteStartObject("data");
        w.WriteStartArray("txs");
        foreach (var tx in b.Txs) w.WriteStringValue(Convert.ToBase64String(tx));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("evidence");
        w.WriteStartArray("evidence");
        w.WriteEndArray();
        w.WriteEndObject();
        WriteCommit(w, "last_commit", b.LastCommit);
        w.WriteEndObject();
    }

    /// <summary>Result of block / block_by_hash: {block_id, block}; an unknown block gives block_id zero and block null.</summary>
    public static byte[] BlockResult(BlockId? id, Block? block) => Render(w =>
    {
        w.WriteStartObject();
        WriteBlockId(w, "block_id", id ?? BlockId.Empty);
        if (block is null) w.WriteNull("block");
        else WriteBlock(w, "block", block);
        w.WriteEndObject();
    });

    /// <summary>Result of block_search: {blocks:[{block_id, block}], total_count}.</summary>
    public static byte[] BlockSearchResult(IReadOnlyList<(BlockId Id, Block Block)> blocks, int totalCount) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("blocks");
        foreach (var (id, block) in blocks)
        {
            w.WriteStartObject();
            WriteBlockId(w, "block_id", id);
            WriteBlock(w, "block", block);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Int64String("total_count", totalCount);
        w.WriteEndObject();
    });

    /// <summary>Result of commit: {signed_header:{header, commit}, canonical}.</summary>
    public static byte[] CommitResult(Header header, Commit commit, bool canonical) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("signed_header");
        WriteHeader(w, "header", header);
        WriteCommit(w, "commit", commit);
        w.WriteEndObject();
        w.WriteBoolean("canonical", canonical);
        w.WriteEndObject();
    });

    /// <summary>Result of blockchain: {last_height, block_metas:[{block_id, block_size, header, num_txs}]} (metas newest first).</summary>
    public static byte[] BlockchainResult(long lastHeight, IReadOnlyList<BlockMeta> metas) => Render(w =>
    {
        w.WriteStartObject();
        w.Int64String("last_height", lastHeight);
        w.WriteStartArray("block_metas");
        foreach (var m in metas)
        {
            w.WriteStartObject();
            WriteBlockId(w, "block_id", m.BlockId);
            w.Int64String("block_size", m.BlockSize);
            WriteHeader(w, "header", m.Header);
            w.Int64String("num_txs", m.NumTxs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>Result of block_results.</summary>
    public static byte[] BlockResultsResult(BlockResults r) => Render(w =>
    {
        w.WriteStartObject();
        w.Int64String("height", r.Height);
        if (r.TxResults.Count == 0) w.WriteNull("txs_results");
        else
        {
            w.WriteStartArray("txs_results");
            foreach (var t in r.TxResults) WriteExecTxResult(w, null, t);
            w.WriteEndArray();
        }
        WriteEventsOrNull(w, "finalize_block_events", r.FinalizeBlockEvents);
        WriteValidatorUpdates(w, "validator_updates", r.ValidatorUpdates);
        if (r.ConsensusParamUpdates is null) w.WriteNull("consensus_param_updates");
        else WriteConsensusParams(w, "consensus_param_updates", r.ConsensusParamUpdates);
        w.Base64OrNull("app_hash", r.AppHash);
        w.WriteEndObject();
    });

    public static void WriteConsensusParams(Utf8JsonWriter w, string name, ConsensusParams p)
    {
        w.WriteStartObject(name);
        w.WriteStartObject("block");
        w.Int64String("max_bytes", p.BlockMaxBytes);
        w.Int64String("max_gas", p.BlockMaxGas);
        w.WriteEndObject();
        w.WriteStartObject("evidence");
        w.Int64String("max_age_num_blocks", p.EvidenceMaxAgeNumBlocks);
        w.Int64String("max_age_duration", p.EvidenceMaxAgeDurationNs);
        w.Int64String("max_bytes", p.EvidenceMaxBytes);
        w.WriteEndObject();
        w.WriteStartObject("validator");
        w.WriteStartArray("pub_key_types");
        foreach (var t in p.PubKeyTypeList) w.WriteStringValue(t);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("version");
        w.UInt64String("app", p.AppVersion);
        w.WriteEndObject();
        w.WriteStartObject("abci");
        w.Int64String("vote_extensions_enable_height", p.VoteExtensionsEnableHeight);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteValidatorUpdates(Utf8JsonWriter w, string name, IReadOnlyList<ValidatorUpdate> updates)
    {
        if (updates.Count == 0)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        foreach (var u in updates)
        {
            // 0.38 emits the protobuf oneof form; CosmJS accepts it.
            w.WriteStartObject();
            w.WriteStartObject("pub_key");
            w.WriteStartObject("Sum");
            w.WriteString("type", "tendermint.crypto.PublicKey_Ed25519");
            w.WriteStartObject("value");
            w.WriteString("ed25519", Convert.ToBase64String(u.Ed25519PubKey));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.Int64StringOmitEmpty("power", u.Power);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
