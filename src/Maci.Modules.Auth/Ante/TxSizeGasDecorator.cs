using Maci.Modules.Auth.Keeper;
using Maci.Sdk;
using Maci.Sdk.Errors;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>Charges tx_size_cost_per_byte for every byte of the raw tx.</summary>
public sealed class TxSizeGasDecorator(AccountKeeper accounts) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var perByte = accounts.GetParams(ctx).TxSizeCostPerByte;
        ctx.GasMeter.Consume(perByte * (ulong)tx.Decoded.Raw.Length, "txSize");
        return null;
    }
}
