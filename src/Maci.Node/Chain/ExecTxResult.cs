namespace Maci.Node.Chain;

/// <summary>The result of executing one transaction in FinalizeBlock (mirrors abci.ExecTxResult).</summary>
public sealed record ExecTxResult(
    uint Code = 0,
    byte[]? Data = null,
    string Log = "",
    string Info = "",
    long GasWanted = 0,
    long GasUsed = 0,
    IReadOnlyList<AbciEvent>? Events = null,
    string Codespace = "")
{
    public IReadOnlyList<AbciEvent> EventList => Events ?? [];

    public ReadOnlySpan<byte> DataSpan => Data;

    /// <summary>LastResultsHash: Merkle root over the deterministic fields (code, data, gas) of each result.</summary>
    public static byte[] ComputeResultsHash(IReadOnlyList<ExecTxResult> results) =>
        MerkleTree.Root(results.Select(CometProto.EncodeDeterministicResult).ToArray());
}
