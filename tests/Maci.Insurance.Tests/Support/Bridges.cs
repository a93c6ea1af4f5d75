using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank.Keeper;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using BankAccounts = Maci.Modules.Bank.Types.IAccountKeeper;
using InsuranceAccounts = Maci.Modules.Insurance.Types.IAccountKeeper;
using InsuranceBank = Maci.Modules.Insurance.Types.IBankKeeper;

namespace Maci.Insurance.Tests.Support;

/// <summary>The bank's view of auth, as the composition root wires it.</summary>
public sealed class BankAccountsBridge(AccountKeeper accounts) : BankAccounts
{
    public AddressCodec Codec => accounts.Codec;

    public bool HasAccount(Context ctx, ReadOnlySpan<byte> address) => accounts.HasAccount(ctx, address);

    public void CreateAccount(Context ctx, ReadOnlySpan<byte> address) => accounts.NewAccount(ctx, address);

    public byte[] EnsureModuleAccount(Context ctx, string module)
    {
        accounts.GetOrCreateModuleAccount(ctx, module);
        return accounts.ModuleAddress(module);
    }

    public bool IsModuleAddress(ReadOnlySpan<byte> address) => accounts.IsModuleAddress(address);
}

/// <summary>The insurance module's view of the real bank keeper.</summary>
public sealed class InsuranceBankBridge(BankKeeper bank) : InsuranceBank
{
    public UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom) => bank.GetBalance(ctx, address, denom);

    public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) =>
        bank.SendCoinsFromAccountToModule(ctx, sender, module, amount);

    public SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount) =>
        bank.SendCoinsFromModuleToAccount(ctx, module, recipient, amount);
}

/// <summary>The insurance module's view of the real account keeper.</summary>
public sealed class InsuranceAccountsBridge(AccountKeeper accounts) : InsuranceAccounts
{
    public AddressCodec Codec => accounts.Codec;

    public byte[] ModuleAddress(string name) => accounts.ModuleAddress(name);
}
