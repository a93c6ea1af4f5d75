namespace Maci.Node.Chain;

// Storage encoding of BlockResults (the host's own layout; not a CometBFT wire message):
// height=1, tx_results=2, finalize_block_events=3, validator_updates=4 {pub_key=1, power=2},
// consensus_param_updates=5 {fields 1..8 as ConsensusParams}, app_hash=6.
public static partial class CometProto
{
    public static byte[] EncodeBlockResults(BlockResults b)
    {
        var w = new ProtoWriter().Int64(1, b.Height);
        foreach (var r in b.TxResults) w.Message(2, ExecTxResultMsg(r));
        foreach (var e in b.FinalizeBlockEvents) w.Message(3, EventMsg(e));
        foreach (var u in b.ValidatorUpdates) w.Message(4, new ProtoWriter().Bytes(1, u.Ed25519PubKey).Int64(2, u.Power));
        if (b.ConsensusParamUpdates is { } p)
        {
            var pw = new ProtoWriter()
                .Int64(1, p.BlockMaxBytes).Int64(2, p.BlockMaxGas).Int64(3, p.EvidenceMaxAgeNumBlocks)
                .Int64(4, p.EvidenceMaxAgeDurationNs).Int64(5, p.EvidenceMaxBytes);
            foreach (var t in p.PubKeyTypeList) pw.String(6, t);
            pw.Varint(7, p.AppVersion).Int64(8, p.VoteExtensionsEnableHeight);
            w.Message(5, pw);
        }
        return w.Bytes(6, b.AppHash).ToArray();
    }

    public static BlockResults DecodeBlockResults(byte[] data)
    {
        long height = 0;
        var txResults = new List<ExecTxResult>();
        var events = new List<AbciEvent>();
        var updates = new List<ValidatorUpdate>();
        ConsensusParams? paramUpdates = null;
        byte[] appHash = [];
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: height = r.Int64(); break;
                case 2: txResults.Add(DecodeExecTxResult(r.Bytes())); break;
                case 3: events.Add(DecodeEvent(r.Bytes())); break;
                case 4:
                    byte[] key = [];
                    long power = 0;
                    var u = new ProtoReader(r.Bytes());
                    while (u.Next())
                        if (u.Field == 1) key = u.Bytes();
                        else if (u.Field == 2) power = u.Int64();
                        else u.Skip();
                    updates.Add(new ValidatorUpdate(key, power));
                    break;
                case 5: paramUpdates = DecodeParams(r.Bytes()); break;
                case 6: appHash = r.Bytes(); break;
                default: r.Skip(); break;
            }
        }
        return new BlockResults(height, txResults, events, updates, paramUpdates, appHash);
    }

    private static ConsensusParams DecodeParams(byte[] data)
    {
        var f = new long[9];
        var types = new List<string>();
        var r = new ProtoReader(data);
        while (r.Next())
        {
            if (r.Field == 6) types.Add(r.String());
            else if (r.Field is >= 1 and <= 8) f[r.Field] = r.Int64();
            else r.Skip();
        }
        return new ConsensusParams(f[1], f[2], f[3], f[4], f[5], types, unchecked((ulong)f[7]), f[8]);
    }
}
