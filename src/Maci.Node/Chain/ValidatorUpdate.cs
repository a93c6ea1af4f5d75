namespace Maci.Node.Chain;

/// <summary>A validator set change returned by FinalizeBlock (ed25519 keys only here).</summary>
public sealed record ValidatorUpdate(byte[] Ed25519PubKey, long Power);
