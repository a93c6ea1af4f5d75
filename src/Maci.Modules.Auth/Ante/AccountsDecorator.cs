using Maci.Modules.Auth.Keeper;
using Maci.Proto.Cosmos.Auth.V1Beta1;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>Every signer must have an account (code 9); loads them for the later decorators.</summary>
public sealed class AccountsDecorator(AccountKeeper accounts) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var loaded = new BaseAccount[tx.Signers.Length];
        for (var i = 0; i < loaded.Length; i++)
        {
            var acc = accounts.GetAccount(ctx, tx.Signers[i]);
            if (acc is null) return SdkErrors.UnknownAddress.Wrap($"account {tx.SignerAddresses[i]} does not exist");
            loaded[i] = acc;
        }
        state.Accounts = loaded;
        return null;
    }
}
