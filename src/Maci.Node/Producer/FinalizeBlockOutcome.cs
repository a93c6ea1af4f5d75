using Maci.Node.Chain;

namespace Maci.Node.Producer;

/// <summary>What FinalizeBlock returns (abci.ResponseFinalizeBlock).</summary>
public sealed record FinalizeBlockOutcome(
    IReadOnlyList<ExecTxResult> TxResults,
    IReadOnlyList<AbciEvent> Events,
    IReadOnlyList<ValidatorUpdate> ValidatorUpdates,
    ConsensusParams? ConsensusParamUpdates,
    byte[] AppHash);
