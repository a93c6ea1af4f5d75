using Maci.Node.Chain;

namespace Maci.Node.Rpc;

/// <summary>Everything the status endpoint reports.</summary>
public sealed record NodeStatus(NodeInfo NodeInfo, SyncInfo SyncInfo, ValidatorInfo Validator);
