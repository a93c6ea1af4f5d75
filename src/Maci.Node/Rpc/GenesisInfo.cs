using Maci.Node.Chain;

namespace Maci.Node.Rpc;

/// <summary>The genesis document as the genesis endpoint reports it; AppStateJson is raw JSON (null = omitted).</summary>
public sealed record GenesisInfo(
    ChainTime GenesisTime,
    string ChainId,
    long InitialHeight,
    ConsensusParams ConsensusParams,
    IReadOnlyList<GenesisValidator> Validators,
    byte[] AppHash,
    string? AppStateJson);
