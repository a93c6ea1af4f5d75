using Maci.Modules.Auth.Keeper;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>Bumps every signer's sequence; this survives a failing message, as in the SDK.</summary>
public sealed class IncrementSequenceDecorator(AccountKeeper accounts) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        for (var i = 0; i < state.Accounts.Length; i++)
        {
            // re-read: the pubkey decorator may have stored this account already
            var account = accounts.GetAccount(ctx, tx.Signers[i])!;
            account.Sequence++;
            accounts.SetAccount(ctx, account);
        }
        return null;
    }
}
