namespace Maci.Node.Chain;

/// <summary>
/// Hand-written protobuf encodings of the tendermint.types / tendermint.abci messages the host hashes
/// and stores, byte-compatible with CometBFT's gogoproto output (non-nullable messages always written).
/// </summary>
public static partial class CometProto
{
    public static byte[] EncodeTimestamp(ChainTime t) => Timestamp(t).ToArray();

    public static byte[] EncodeBlockId(BlockId id) => BlockIdMsg(id).ToArray();

    public static byte[] EncodeVersion(ConsensusVersion v) => new ProtoWriter().Varint(1, v.Block).Varint(2, v.App).ToArray();

    public static byte[] EncodeHeader(Header h) => HeaderMsg(h).ToArray();

    public static byte[] EncodeCommitSig(CommitSig s) => CommitSigMsg(s).ToArray();

    public static byte[] EncodeCommit(Commit c) => CommitMsg(c).ToArray();

    public static byte[] EncodeBlock(Block b)
    {
        var data = new ProtoWriter();
        foreach (var tx in b.Txs) data.BytesAlways(1, tx);
        return new ProtoWriter()
            .Message(1, HeaderMsg(b.Header))
            .Message(2, data)
            .Message(3, new ProtoWriter())
            .Message(4, CommitMsg(b.LastCommit))
            .ToArray();
    }

    /// <summary>The 14 byte strings whose Merkle root is the header hash.</summary>
    public static byte[][] HeaderHashFields(Header h) =>
    [
        EncodeVersion(h.Version),
        new ProtoWriter().String(1, h.ChainId).ToArray(),
        new ProtoWriter().Int64(1, h.Height).ToArray(),
        EncodeTimestamp(h.Time),
        EncodeBlockId(h.LastBlockId),
        BytesValue(h.LastCommitHash),
        BytesValue(h.DataHash),
        BytesValue(h.ValidatorsHash),
        BytesValue(h.NextValidatorsHash),
        BytesValue(h.ConsensusHash),
        BytesValue(h.AppHash),
        BytesValue(h.LastResultsHash),
        BytesValue(h.EvidenceHash),
        BytesValue(h.ProposerAddress),
    ];

    /// <summary>ExecTxResult reduced to code, data, gas_wanted, gas_used (the LastResultsHash leaves).</summary>
    public static byte[] EncodeDeterministicResult(ExecTxResult r) =>
        new ProtoWriter().Varint(1, r.Code).Bytes(2, r.DataSpan).Int64(5, r.GasWanted).Int64(6, r.GasUsed).ToArray();

    public static byte[] EncodeExecTxResult(ExecTxResult r) => ExecTxResultMsg(r).ToArray();

    /// <summary>SimpleValidator{pub_key: PublicKey{ed25519}, voting_power}: the validator-set hash leaves.</summary>
    public static byte[] EncodeSimpleValidator(ReadOnlySpan<byte> ed25519PubKey, long votingPower) =>
        new ProtoWriter()
            .Message(1, new ProtoWriter().Bytes(1, ed25519PubKey))
            .Int64(2, votingPower)
            .ToArray();

    /// <summary>Length-delimited CanonicalVote for a precommit: the bytes a validator signs.</summary>
    public static byte[] PrecommitSignBytes(string chainId, long height, int round, BlockId blockId, ChainTime time)
    {
        var vote = new ProtoWriter()
            .Varint(1, 2) // SIGNED_MSG_TYPE_PRECOMMIT
            .SFixed64(2, height)
            .SFixed64(3, round);
        if (!blockId.IsZero)
            vote.Message(4, new ProtoWriter()
                .Bytes(1, blockId.Hash)
                .Message(2, new ProtoWriter().Varint(1, blockId.PartSetHeader.Total).Bytes(2, blockId.PartSetHeader.Hash)));
        vote.Message(5, Timestamp(time)).String(6, chainId);
        var body = vote.ToArray();
        return [.. Uvarint((ulong)body.Length), .. body];
    }

    private static byte[] Uvarint(ulong v)
    {
        var bytes = new List<byte>(10);
        while (v >= 0x80) { bytes.Add((byte)(v | 0x80)); v >>= 7; }
        bytes.Add((byte)v);
        return bytes.ToArray();
    }

    private static byte[] BytesValue(byte[] value) => new ProtoWriter().Bytes(1, value).ToArray();

    private static ProtoWriter Timestamp(ChainTime t) => new ProtoWriter().Int64(1, t.Seconds).Int32(2, t.Nanos);

    private static ProtoWriter BlockIdMsg(BlockId id) =>
        new ProtoWriter()
            .Bytes(1, id.Hash)
            .Message(2, new ProtoWriter().Varint(1, id.PartSetHeader.Total).Bytes(2, id.PartSetHeader.Hash));

    private static ProtoWriter HeaderMsg(Header h) =>
        new ProtoWriter()
            .Message(1, new ProtoWriter().Varint(1, h.Version.Block).Varint(2, h.Version.App))
            .String(2, h.ChainId)
            .Int64(3, h.Height)
            .Message(4, Timestamp(h.Time))
            .Message(5, BlockIdMsg(h.LastBlockId))
            .Bytes(6, h.LastCommitHash)
            .Bytes(7, h.DataHash)
            .Bytes(8, h.ValidatorsHash)
            .Bytes(9, h.NextValidatorsHash)
            .Bytes(10, h.ConsensusHash)
            .Bytes(11, h.AppHash)
            .Bytes(12, h.LastResultsHash)
            .Bytes(13, h.EvidenceHash)
            .Bytes(14, h.ProposerAddress);

    private static ProtoWriter CommitSigMsg(CommitSig s) =>
        new ProtoWriter()
            .Int32(1, (int)s.Flag)
            .Bytes(2, s.ValidatorAddress)
            .Message(3, Timestamp(s.Timestamp))
            .Bytes(4, s.Signature);

    private static ProtoWriter CommitMsg(Commit c)
    {
        var w = new ProtoWriter().Int64(1, c.Height).Int32(2, c.Round).Message(3, BlockIdMsg(c.BlockId));
        foreach (var s in c.Signatures) w.Message(4, CommitSigMsg(s));
        return w;
    }

    private static ProtoWriter EventMsg(AbciEvent e)
    {
        var w = new ProtoWriter().String(1, e.Type);
        foreach (var a in e.Attributes)
            w.Message(2, new ProtoWriter().String(1, a.Key).String(2, a.Value).Bool(3, a.Index));
        return w;
    }

    private static ProtoWriter ExecTxResultMsg(ExecTxResult r)
    {
        var w = new ProtoWriter()
            .Varint(1, r.Code).Bytes(2, r.DataSpan).String(3, r.Log).String(4, r.Info)
            .Int64(5, r.GasWanted).Int64(6, r.GasUsed);
        foreach (var e in r.EventList) w.Message(7, EventMsg(e));
        return w.String(8, r.Codespace);
    }
}
