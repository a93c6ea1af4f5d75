using Maci.Proto.Cosmos.Bank.V1Beta1;

namespace Maci.Modules.Bank.Types;

/// <summary>Defaults of <c>cosmos.bank.v1beta1.Params</c>.</summary>
public static class BankParams
{
    public static Params Default() => new() { DefaultSendEnabled = true };
}
