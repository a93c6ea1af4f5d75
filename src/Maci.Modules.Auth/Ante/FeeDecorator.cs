using Maci.Modules.Auth.Types;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Sdk.Events;
using Maci.Sdk.Tx;

namespace Maci.Modules.Auth.Ante;

/// <summary>
/// The fee must cover gas_limit × the chain's minimum gas price in its fee denom (code 13); it is then moved
/// from the fee payer to the fee collector (code 5 when the payer cannot afford it). Simulation skips
/// the price check but still charges whatever fee was given.
/// </summary>
public sealed class FeeDecorator(AnteOptions options, IFeeBank bank) : IAnteDecorator
{
    public SdkError? Handle(Context ctx, SdkTx tx, AnteState state)
    {
        var fee = tx.Decoded.Fee.Amount;
        if (!ctx.IsSimulate)
        {
            var required = options.MinGasPrice.RequiredFee(tx.GasLimit);
            var paid = fee.AmountOf(options.MinGasPrice.Denom);
            if (paid < required)
                return SdkErrors.InsufficientFee.Wrap(
                    $"insufficient fees; got: {(fee.IsEmpty ? "0" + options.MinGasPrice.Denom : fee.ToString())} required: {required}{options.MinGasPrice.Denom}");
        }
        if (fee.IsEmpty) return null;
        if (bank.SendCoinsFromAccountToModule(ctx, tx.FeePayer, Keys.FeeCollectorName, fee) is { } err) return err;
        ctx.Events.Emit(CoreEvents.TxFee(fee, tx.FeePayerAddress));
        return null;
    }
}
