namespace Maci.Node.Chain;

/// <summary>Header version: block protocol (11 for CometBFT 0.38) and the application's version.</summary>
public sealed record ConsensusVersion(ulong Block, ulong App)
{
    public const ulong BlockProtocol = 11;
}
