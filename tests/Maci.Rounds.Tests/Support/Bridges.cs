using Maci.Crypto.BabyJubjub;
using Maci.Crypto.Bn254;
using Maci.Modules.Auth.Keeper;
using Maci.Modules.Bank.Keeper;
using Maci.Modules.Insurance.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Sdk;
using Maci.Sdk.Addresses;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using BankAccounts = Maci.Modules.Bank.Types.IAccountKeeper;
using InsuranceAccounts = Maci.Modules.Insurance.Types.IAccountKeeper;
using InsuranceBank = Maci.Modules.Insurance.Types.IBankKeeper;

namespace Maci.Rounds.Tests.Support;

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

/// <summary>The real bank keeper as both the insurance and the rounds module see it.</summary>
public sealed class BankBridge(BankKeeper bank) : InsuranceBank, IRoundsBank
{
    public UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom) => bank.GetBalance(ctx, address, denom);

    public SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount) =>
        bank.SendCoinsFromAccountToModule(ctx, sender, module, amount);

    public SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount) =>
        bank.SendCoinsFromModuleToAccount(ctx, module, recipient, amount);
}

/// <summary>The real account keeper as both modules see it.</summary>
public sealed class AccountsBridge(AccountKeeper accounts) : InsuranceAccounts, IRoundsAccounts
{
    public AddressCodec Codec => accounts.Codec;
    public byte[] ModuleAddress(string name) => accounts.ModuleAddress(name);
}

/// <summary>Coordinator keys from the insurance module's operator registry (the composition root's wiring).</summary>
public sealed class InsuranceOperatorKeys(InsuranceKeeper insurance) : IOperatorKeys
{
    public BabyJubjubPoint? CoordinatorKey(Context ctx, ReadOnlySpan<byte> operatorAddress) =>
        insurance.GetOperator(ctx, operatorAddress) is { PubKey: { } k } ? new BabyJubjubPoint(Fr.Parse(k.X), Fr.Parse(k.Y)) : null;
}
