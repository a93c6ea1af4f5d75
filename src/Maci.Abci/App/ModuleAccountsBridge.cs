using Maci.Modules.Auth.Keeper;
using Maci.Modules.Rounds.Types;
using Maci.Sdk.Addresses;
using InsuranceAccounts = Maci.Modules.Insurance.Types.IAccountKeeper;

namespace Maci.Abci.App;

/// <summary>Gives the insurance and rounds modules the narrow view of auth they expect.</summary>
public sealed class ModuleAccountsBridge(AccountKeeper accounts) : InsuranceAccounts, IRoundsAccounts
{
    public AddressCodec Codec => accounts.Codec;

    public byte[] ModuleAddress(string name) => accounts.ModuleAddress(name);
}
