using Maci.Modules.Auth.Keeper;
using Maci.Sdk;
using Maci.Sdk.Crypto;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// Charges sig_verify_cost_secp256k1 per signature, then verifies each over SHA-256(SignDoc) with the
/// chain id and the signer's account number (code 4; high-s is rejected). Simulation skips the check;
/// ReCheck skips it too, since the same bytes already passed against the same key.
/// </summary>
public sealed class SignatureDecorator(AccountKeeper accounts, ISecp256k1 crypto, ISignatureCache? cache = null) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var cost = accounts.GetParams(ctx).SigVerifyCostSecp256K1;
        var d = tx.Decoded;
        for (var i = 0; i < tx.Signers.Length; i++)
        {
            ctx.GasMeter.Consume(cost, "ante verify: secp256k1");
            var signature = d.Signatures[i].Span;
            var account = state.Accounts[i];
            ctx.Events.Emit(CoreEvents.TxAccSeq(tx.SignerAddresses[i], account.Sequence));
            ctx.Events.Emit(CoreEvents.TxSignature(Convert.ToBase64String(signature)));
            if (ctx.IsSimulate || ctx.Mode == ExecMode.ReCheck) continue;
            if (!Verified(ctx, tx, i, account.AccountNumber, state.PublicKeys[i]))
                return SdkErrors.Unauthorized.Wrap(
                    $"signature verification failed; please verify account number ({account.AccountNumber}), sequence ({account.Sequence}) and chain-id ({ctx.ChainId})");
        }
        return null;
    }

    private bool Verified(Context ctx, SdkTx tx, int index, ulong accountNumber, byte[] publicKey)
    {
        var inputs = new SignatureCheck(publicKey, accountNumber, ctx.ChainId);
        if (cache is not null && cache.TryGet(tx.Decoded, index, inputs, out var known)) return known;
        var valid = SignatureCache.Verify(crypto, tx.Decoded, index, inputs);
        cache?.Record(tx.Decoded, index, inputs, valid);
        return valid;
    }
}
