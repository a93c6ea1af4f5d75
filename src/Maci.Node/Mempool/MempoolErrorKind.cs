namespace Maci.Node.Mempool;

public enum MempoolErrorKind
{
    TxInCache,
    MempoolFull,
    TxTooLarge,
}
