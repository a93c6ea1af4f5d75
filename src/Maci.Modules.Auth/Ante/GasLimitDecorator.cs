using Maci.Modules.Auth.Types;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>Outside simulation the tx must ask for positive gas, within the per-tx maximum (code 41).</summary>
public sealed class GasLimitDecorator(AnteOptions options) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        if (ctx.IsSimulate) return null;
        if (tx.GasLimit == 0) return SdkErrors.InvalidGasLimit.Wrap("must provide positive gas");
        if (tx.GasLimit > options.MaxGasPerTx)
            return SdkErrors.InvalidGasLimit.Wrap($"gas limit {tx.GasLimit} exceeds the maximum {options.MaxGasPerTx}");
        return null;
    }
}
