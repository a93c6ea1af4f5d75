namespace Maci.Node.Chain;

public static partial class CometProto
{
    public static Block DecodeBlock(byte[] data)
    {
        Header? header = null;
        var txs = new List<byte[]>();
        var commit = Commit.Empty;
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: header = DecodeHeader(r.Bytes()); break;
                case 2:
                    var d = new ProtoReader(r.Bytes());
                    while (d.Next())
                        if (d.Field == 1) txs.Add(d.Bytes());
                        else d.Skip();
                    break;
                case 4: commit = DecodeCommit(r.Bytes()); break;
                default: r.Skip(); break;
            }
        }
        return new Block(header ?? throw new FormatException("block without header"), txs, commit);
    }

    public static Header DecodeHeader(byte[] data)
    {
        var version = new ConsensusVersion(0, 0);
        string chainId = "";
        long height = 0;
        var time = default(ChainTime);
        var lastBlockId = BlockId.Empty;
        var hashes = new byte[9][];
        for (var i = 0; i < hashes.Length; i++) hashes[i] = [];
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1:
                    var v = new ProtoReader(r.Bytes());
                    ulong block = 0, app = 0;
                    while (v.Next())
                        if (v.Field == 1) block = v.Varint();
                        else if (v.Field == 2) app = v.Varint();
                        else v.Skip();
                    version = new ConsensusVersion(block, app);
                    break;
                case 2: chainId = r.String(); break;
                case 3: height = r.Int64(); break;
                case 4: time = DecodeTimestamp(r.Bytes()); break;
                case 5: lastBlockId = DecodeBlockId(r.Bytes()); break;
                case >= 6 and <= 14: hashes[r.Field - 6] = r.Bytes(); break;
                default: r.Skip(); break;
            }
        }
        return new Header(version, chainId, height, time, lastBlockId,
            hashes[0], hashes[1], hashes[2], hashes[3], hashes[4], hashes[5], hashes[6], hashes[7], hashes[8]);
    }

    public static Commit DecodeCommit(byte[] data)
    {
        long height = 0;
        var round = 0;
        var blockId = BlockId.Empty;
        var sigs = new List<CommitSig>();
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: height = r.Int64(); break;
                case 2: round = r.Int32(); break;
                case 3: blockId = DecodeBlockId(r.Bytes()); break;
                case 4: sigs.Add(DecodeCommitSig(r.Bytes())); break;
                default: r.Skip(); break;
            }
        }
        return new Commit(height, round, blockId, sigs);
    }

    public static BlockId DecodeBlockId(byte[] data)
    {
        byte[] hash = [];
        var psh = PartSetHeader.Empty;
        var r = new ProtoReader(data);
        while (r.Next())
        {
            if (r.Field == 1) hash = r.Bytes();
            else if (r.Field == 2)
            {
                uint total = 0;
                byte[] pHash = [];
                var p = new ProtoReader(r.Bytes());
                while (p.Next())
                    if (p.Field == 1) total = (uint)p.Varint();
                    else if (p.Field == 2) pHash = p.Bytes();
                    else p.Skip();
                psh = new PartSetHeader(total, pHash);
            }
            else r.Skip();
        }
        return new BlockId(hash, psh);
    }

    public static ChainTime DecodeTimestamp(byte[] data)
    {
        long seconds = 0;
        var nanos = 0;
        var r = new ProtoReader(data);
        while (r.Next())
            if (r.Field == 1) seconds = r.Int64();
            else if (r.Field == 2) nanos = r.Int32();
            else r.Skip();
        return new ChainTime(seconds, nanos);
    }

    public static ExecTxResult DecodeExecTxResult(byte[] data)
    {
        uint code = 0;
        byte[]? resultData = null;
        string log = "", info = "", codespace = "";
        long gasWanted = 0, gasUsed = 0;
        var events = new List<AbciEvent>();
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: code = (uint)r.Varint(); break;
                case 2: resultData = r.Bytes(); break;
                case 3: log = r.String(); break;
                case 4: info = r.String(); break;
                case 5: gasWanted = r.Int64(); break;
                case 6: gasUsed = r.Int64(); break;
                case 7: events.Add(DecodeEvent(r.Bytes())); break;
                case 8: codespace = r.String(); break;
                default: r.Skip(); break;
            }
        }
        return new ExecTxResult(code, resultData, log, info, gasWanted, gasUsed, events, codespace);
    }

    private static CommitSig DecodeCommitSig(byte[] data)
    {
        var flag = BlockIdFlag.Unknown;
        byte[] address = [], signature = [];
        var time = default(ChainTime);
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: flag = (BlockIdFlag)r.Int32(); break;
                case 2: address = r.Bytes(); break;
                case 3: time = DecodeTimestamp(r.Bytes()); break;
                case 4: signature = r.Bytes(); break;
                default: r.Skip(); break;
            }
        }
        return new CommitSig(flag, address, time, signature);
    }

    internal static AbciEvent DecodeEvent(byte[] data)
    {
        var type = "";
        var attributes = new List<AbciEventAttribute>();
        var r = new ProtoReader(data);
        while (r.Next())
        {
            if (r.Field == 1) type = r.String();
            else if (r.Field == 2)
            {
                string key = "", value = "";
                var index = false;
                var a = new ProtoReader(r.Bytes());
                while (a.Next())
                    if (a.Field == 1) key = a.String();
                    else if (a.Field == 2) value = a.String();
                    else if (a.Field == 3) index = a.Varint() != 0;
                    else a.Skip();
                attributes.Add(new AbciEventAttribute(key, value, index));
            }
            else r.Skip();
        }
        return new AbciEvent(type, attributes);
    }

    internal static byte[] EncodeEvent(AbciEvent e) => EventMsg(e).ToArray();
}
