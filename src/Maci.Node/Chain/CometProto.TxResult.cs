namespace Maci.Node.Chain;

public static partial class CometProto
{
    /// <summary>abci.TxResult{height=1, index=2, tx=3, result=4}.</summary>
    public static byte[] EncodeTxResult(IndexedTx t) =>
        new ProtoWriter().Int64(1, t.Height).Varint(2, t.Index).Bytes(3, t.Tx).Message(4, ExecTxResultMsg(t.Result)).ToArray();

    public static IndexedTx DecodeTxResult(byte[] data)
    {
        long height = 0;
        uint index = 0;
        byte[] tx = [];
        var result = new ExecTxResult();
        var r = new ProtoReader(data);
        while (r.Next())
        {
            switch (r.Field)
            {
                case 1: height = r.Int64(); break;
                case 2: index = (uint)r.Varint(); break;
                case 3: tx = r.Bytes(); break;
                case 4: result = DecodeExecTxResult(r.Bytes()); break;
                default: r.Skip(); break;
            }
        }
        return new IndexedTx(TxHash.Compute(tx), height, index, tx, result);
    }
}
