using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Auth.Types;

/// <summary>What the ante chain needs from the bank: moving the fee into the fee collector.</summary>
public interface IFeeBank
{
    SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount);
}
