namespace Maci.Node.Rpc;

/// <summary>The application's Info answer as abci_info reports it.</summary>
public sealed record AbciInfo(string Data, string Version, ulong AppVersion, long LastBlockHeight, byte[] LastBlockAppHash);
