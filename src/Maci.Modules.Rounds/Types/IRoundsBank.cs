using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Types;

/// <summary>What the rounds module needs from the bank (BankKeeper has these exact methods).</summary>
public interface IRoundsBank
{
    UInt128 GetBalance(Context ctx, ReadOnlySpan<byte> address, string denom);

    SdkError? SendCoinsFromAccountToModule(Context ctx, byte[] sender, string module, Coins amount);

    SdkError? SendCoinsFromModuleToAccount(Context ctx, string module, byte[] recipient, Coins amount);
}
