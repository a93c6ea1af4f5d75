using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// Results of signature checks done ahead of time (e.g. in parallel for a whole block). A hit must be for
/// exactly the same inputs, so using it cannot change any outcome.
/// </summary>
public interface ISignatureCache
{
    bool TryGet(DecodedTx tx, int signerIndex, in SignatureCheck inputs, out bool valid);
}
