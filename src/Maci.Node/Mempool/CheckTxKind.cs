namespace Maci.Node.Mempool;

/// <summary>CheckTx type: a new transaction, or a re-check of a pending one after a commit.</summary>
public enum CheckTxKind
{
    New = 0,
    Recheck = 1,
}
