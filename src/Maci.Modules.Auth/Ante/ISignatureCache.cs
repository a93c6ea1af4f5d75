using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// Remembered signature checks (from CheckTx, or verified in parallel ahead of a block). A hit must be for
/// exactly the same inputs — tx bytes, signer index, key, account number, chain id — so using it can never
/// change an outcome, only skip repeated work.
/// </summary>
public interface ISignatureCache
{
    bool TryGet(DecodedTx tx, int signerIndex, in SignatureCheck inputs, out bool valid);

    void Record(DecodedTx tx, int signerIndex, in SignatureCheck inputs, bool valid);
}
