using Maci.Modules.Auth.Types;
using Maci.Modules.Bank.Keeper;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Abci.App;

/// <summary>Gives the ante chain the bank operation it expects (fee → fee collector).</summary>
public sealed class FeeBankBridge(BankKeeper bank) : IFeeBank
{
    public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) =>
        bank.SendCoinsFromAccountToModule(ctx, sender, module, amount);
}
