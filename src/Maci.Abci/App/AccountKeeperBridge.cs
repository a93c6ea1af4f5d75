using Maci.Modules.Auth.Keeper;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using BankAccounts = Maci.Modules.Bank.Types.IAccountKeeper;

namespace Maci.Abci.App;

/// <summary>Gives the bank module the narrow view of auth it expects.</summary>
public sealed class AccountKeeperBridge(AccountKeeper accounts) : BankAccounts
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
