using Maci.Modules.Bank.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using InsuranceBank = Maci.Modules.Insurance.Types.IBankKeeper;

namespace Maci.Abci.App;

/// <summary>Gives the insurance and rounds modules the bank operations they expect.</summary>
public sealed class ModuleBankBridge(BankKeeper bank) : InsuranceBank, IRoundsBank
{
    public UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom) => bank.GetBalance(ctx, address, denom);

    public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) =>
        bank.SendCoinsFromAccountToModule(ctx, sender, module, amount);

    public SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount) =>
        bank.SendCoinsFromModuleToAccount(ctx, module, recipient, amount);
}
