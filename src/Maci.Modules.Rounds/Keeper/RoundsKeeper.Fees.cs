using Maci.Modules.Rounds.Types;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using Maci.Proto.Maci.Rounds.V1;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>Reads a fee or amount written by this module.</summary>
    internal static UInt128 Amount(string stored) =>
        stored.Length == 0 ? UInt128.Zero
        : Coin.TryParseAmount(stored, out var v) ? v
        : throw new InvalidDataException($"corrupt amount '{Fields.Clip(stored)}' in rounds state");

    /// <summary>
    /// Dora's fee rule: the attached coin must equal the required amount exactly (an absent or zero coin when
    /// nothing is due). Returns the amount to escrow.
    /// </summary>
    internal static SdkError? CheckFee(ProtoCoin? attached, string denom, UInt128 required, string what)
    {
        UInt128 amount = UInt128.Zero;
        if (attached is not null && !(attached.Amount is "" or "0"))
        {
            if (!Coin.TryParseAmount(attached.Amount, out amount))
                return RoundsErrors.InvalidAmount.Wrap($"fee amount '{Fields.Clip(attached.Amount)}' is not a non-negative integer");
            if (attached.Denom != denom)
                return RoundsErrors.FeeMismatch.Wrap($"{what}: fee must be in {denom}, got '{Fields.Clip(attached.Denom)}'");
        }
        return amount == required ? null : RoundsErrors.FeeMismatch.Wrap($"{what}: attached {amount}{denom}, required {required}{denom}");
    }

    /// <summary>Moves a checked fee from the sender into the module account and adds it to the round's escrow.</summary>
    internal SdkError? Escrow(Context ctx, byte[] sender, string denom, UInt128 amount, RoundState state)
    {
        if (amount == UInt128.Zero) return null;
        if (_bank.SendCoinsFromAccountToModule(ctx, sender, Keys.ModuleAccountName, Coins.Of(new Coin(denom, amount))) is { } err)
            return err;
        state.Escrow = (Amount(state.Escrow) + amount).ToString();
        return null;
    }

    internal UInt128 Multiply(UInt128 fee, ulong count, out bool overflow)
    {
        overflow = false;
        if (count == 0 || fee == UInt128.Zero) return UInt128.Zero;
        if (fee > UInt128.MaxValue / count)
        {
            overflow = true;
            return UInt128.Zero;
        }
        return fee * count;
    }
}
