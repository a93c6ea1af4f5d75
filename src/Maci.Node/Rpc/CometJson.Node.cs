using System.Text.Json;
using Maci.Node.Chain;

namespace Maci.Node.Rpc;

public static partial class CometJson
{
    /// <summary>Result of status: {node_info, sync_info, validator_info}.</summary>
    public static byte[] StatusResult(NodeStatus s) => Render(w =>
    {
        var n = s.NodeInfo;
        w.WriteStartObject();
        w.WriteStartObject("node_info");
        w.WriteStartObject("protocol_version");
        w.UInt64String("p2p", n.P2PVersion);
        w.UInt64String("block", n.BlockVersion);
        w.UInt64String("app", n.AppVersion);
        w.WriteEndObject();
        w.WriteString("id", n.Id);
        w.WriteString("listen_addr", n.ListenAddr);
        w.WriteString("network", n.Network);
        w.WriteString("version", n.Version);
        w.WriteString("channels", n.Channels);
        w.WriteString("moniker", n.Moniker);
        w.WriteStartObject("other");
        w.WriteString("tx_index", n.TxIndex);
        w.WriteString("rpc_address", n.RpcAddress);
        w.WriteEndObject();
        w.WriteEndObject();

        var y = s.SyncInfo;
        w.WriteStartObject("sync_info");
        w.Hex("latest_block_hash", y.LatestBlockHash);
        w.Hex("latest_app_hash", y.LatestAppHash);
        w.Int64String("latest_block_height", y.LatestBlockHeight);
        w.Time("latest_block_time", y.LatestBlockTime);
        w.Hex("earliest_block_hash", y.EarliestBlockHash);
        w.Hex("earliest_app_hash", y.EarliestAppHash);
        w.Int64String("earliest_block_height", y.EarliestBlockHeight);
        w.Time("earliest_block_time", y.EarliestBlockTime);
        w.WriteBoolean("catching_up", y.CatchingUp);
        w.WriteEndObject();

        w.WriteStartObject("validator_info");
        w.Hex("address", s.Validator.Address);
        w.Ed25519PubKey("pub_key", s.Validator.Ed25519PubKey);
        w.Int64String("voting_power", s.Validator.VotingPower);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Result of validators: {block_height, validators, count, total}.</summary>
    public static byte[] ValidatorsResult(long height, IReadOnlyList<ValidatorInfo> page, int total) => Render(w =>
    {
        w.WriteStartObject();
        w.Int64String("block_height", height);
        w.WriteStartArray("validators");
        foreach (var v in page)
        {
            w.WriteStartObject();
            w.Hex("address", v.Address);
            w.Ed25519PubKey("pub_key", v.Ed25519PubKey);
            w.Int64String("voting_power", v.VotingPower);
            w.Int64String("proposer_priority", v.ProposerPriority);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.Int64String("count", page.Count);
        w.Int64String("total", total);
        w.WriteEndObject();
    });

    /// <summary>Result of genesis: {genesis:{genesis_time, chain_id, initial_height, consensus_params, validators?, app_hash, app_state?}}.</summary>
    public static byte[] GenesisResult(GenesisInfo g) => Render(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("genesis");
        w.Time("genesis_time", g.GenesisTime);
        w.WriteString("chain_id", g.ChainId);
        w.Int64String("initial_height", g.InitialHeight);
        WriteConsensusParams(w, "consensus_params", g.ConsensusParams);
        if (g.Validators.Count > 0)
        {
            w.WriteStartArray("validators");
            foreach (var v in g.Validators)
            {
                w.WriteStartObject();
                w.Hex("address", v.Address);
                w.Ed25519PubKey("pub_key", v.Ed25519PubKey);
                w.Int64String("power", v.Power);
                w.WriteString("name", v.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.Hex("app_hash", g.AppHash);
        if (g.AppStateJson is not null)
        {
            w.WritePropertyName("app_state");
            w.WriteRawValue(g.AppStateJson);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>Result of num_unconfirmed_txs (txs null) and unconfirmed_txs (txs base64).</summary>
    public static byte[] UnconfirmedTxsResult(int count, int total, long totalBytes, IReadOnlyList<byte[]>? txs) => Render(w =>
    {
        w.WriteStartObject();
        w.Int64String("n_txs", count);
        w.Int64String("total", total);
        w.Int64String("total_bytes", totalBytes);
        if (txs is null) w.WriteNull("txs");
        else
        {
            w.WriteStartArray("txs");
            foreach (var t in txs) w.WriteStringValue(Convert.ToBase64String(t));
            w.WriteEndArray();
        }
        w.WriteEndObject();
    });

    /// <summary>The empty object of health, subscribe and unsubscribe.</summary>
    public static byte[] EmptyResult() => "{}"u8.ToArray();
}
