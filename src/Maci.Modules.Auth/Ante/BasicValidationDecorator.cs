using Maci.Modules.Auth.Keeper;
using Maci.Proto.Cosmos.Tx.Signing.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// Stateless shape checks: at least one message and one signature, exactly one signature and one signer
/// info per required signer, signature limit, memo length, and SIGN_MODE_DIRECT (UNSPECIFIED only when simulating).
/// </summary>
public sealed class BasicValidationDecorator(AccountKeeper accounts) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var d = tx.Decoded;
        if (d.Messages.Length == 0) return SdkErrors.InvalidRequest.Wrap("must contain at least one message");
        if (d.Signatures.Length == 0) return SdkErrors.NoSignatures.Bare();
        var p = accounts.GetParams(ctx);
        if ((ulong)d.Signatures.Length > p.TxSigLimit)
            return SdkErrors.TooManySignatures.Wrap($"signatures: {d.Signatures.Length}, limit: {p.TxSigLimit}");
        if (d.Signatures.Length != tx.Signers.Length)
            return SdkErrors.Unauthorized.Wrap($"wrong number of signers; expected {tx.Signers.Length}, got {d.Signatures.Length}");
        if (d.SignerInfos.Length != tx.Signers.Length)
            return SdkErrors.Unauthorized.Wrap($"wrong number of signer infos; expected {tx.Signers.Length}, got {d.SignerInfos.Length}");
        if ((ulong)d.Memo.Length > p.MaxMemoCharacters)
            return SdkErrors.MemoTooLarge.Wrap($"maximum number of characters is {p.MaxMemoCharacters} but received {d.Memo.Length} characters");
        for (var i = 0; i < d.SignerInfos.Length; i++)
        {
            var mode = d.SignerInfos[i].Mode;
            if (mode == SignMode.Direct || (mode == SignMode.Unspecified && ctx.IsSimulate)) continue;
            return SdkErrors.Unauthorized.Wrap($"signer {i}: sign mode {mode} is not supported (use SIGN_MODE_DIRECT)");
        }
        if (!string.IsNullOrEmpty(d.Fee.Granter)) return SdkErrors.NotSupported.Wrap("fee grants are not supported");
        return null;
    }
}
