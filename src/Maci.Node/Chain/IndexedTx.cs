namespace Maci.Node.Chain;

/// <summary>A committed transaction with its position and result (abci.TxResult plus the hash).</summary>
public sealed record IndexedTx(byte[] Hash, long Height, uint Index, byte[] Tx, ExecTxResult Result);
