namespace Maci.Node.Rpc;

/// <summary>p2p.DefaultNodeInfo as status reports it. Version must start with "0.38." for CosmJS to pick its Comet38 client.</summary>
public sealed record NodeInfo(
    string Id,
    string Network,
    string Moniker,
    string Version = "0.38.25",
    string ListenAddr = "tcp://127.0.0.1:26656",
    string Channels = "40202122233038606100",
    ulong P2PVersion = 8,
    ulong BlockVersion = 11,
    ulong AppVersion = 0,
    string TxIndex = "on",
    string RpcAddress = "tcp://127.0.0.1:26657");
