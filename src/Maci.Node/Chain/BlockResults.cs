namespace Maci.Node.Chain;

/// <summary>What FinalizeBlock returned for one height, as stored for block_results.</summary>
public sealed record BlockResults(
    long Height,
    IReadOnlyList<ExecTxResult> TxResults,
    IReadOnlyList<AbciEvent> FinalizeBlockEvents,
    IReadOnlyList<ValidatorUpdate> ValidatorUpdates,
    ConsensusParams? ConsensusParamUpdates,
    byte[] AppHash);
