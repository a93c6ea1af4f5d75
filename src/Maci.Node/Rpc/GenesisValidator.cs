namespace Maci.Node.Rpc;

/// <summary>A genesis validator entry.</summary>
public sealed record GenesisValidator(byte[] Address, byte[] Ed25519PubKey, long Power, string Name);
