namespace Maci.Node.Chain;

/// <summary>The application's CheckTx answer (mirrors abci.ResponseCheckTx).</summary>
public sealed record CheckTxResult(
    uint Code = 0,
    byte[]? Data = null,
    string Log = "",
    string Info = "",
    long GasWanted = 0,
    long GasUsed = 0,
    IReadOnlyList<AbciEvent>? Events = null,
    string Codespace = "")
{
    public bool IsOk => Code == 0;
}
