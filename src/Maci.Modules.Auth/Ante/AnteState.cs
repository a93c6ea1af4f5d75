using Maci.Proto.Cosmos.Auth.V1Beta1;

namespace Maci.Modules.Auth.Ante;

/// <summary>What earlier decorators loaded for later ones: the signers' accounts, parallel to SdkTx.Signers.</summary>
public sealed class AnteState
{
    public BaseAccount[] Accounts { get; set; } = [];

    /// <summary>Each signer's public key (from the tx or from state), parallel to Accounts.</summary>
    public byte[][] PublicKeys { get; set; } = [];
}
