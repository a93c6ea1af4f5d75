namespace Maci.Node.Rpc;

/// <summary>The application's Query answer (abci.ResponseQuery without proofs).</summary>
public sealed record AbciQueryResponse(
    uint Code = 0,
    string Log = "",
    string Info = "",
    long Index = 0,
    byte[]? Key = null,
    byte[]? Value = null,
    long Height = 0,
    string Codespace = "");
