using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>
    /// Dora's linear-penalty payout (amaci-protocol §6.3). After voting end + tally delay + tally timeout everything
    /// goes to the admin. Otherwise the round must be Ended: protocol% to the fee recipient; of the rest R the operator
    /// gets R·(100 − penalty)/100 with penalty = min(100, 50·#tally delays + 5·Σ late deactivate messages); the admin the remainder.
    /// </summary>
    public SdkError? ComputePayout(Context ctx, Round round, RoundState state, out ClaimPayout payout)
    {
        payout = default;
        var balance = Amount(state.Escrow);
        if (state.Claimed || balance == UInt128.Zero) return RoundsErrors.NothingToClaim.Wrap($"round {round.Id}");
        var p = GetParams(ctx);
        var timeout = ToRoundInfo(round, state).HardTimeout(p.TallyTimeoutSeconds);
        if (Now(ctx) > timeout)
        {
            payout = new ClaimPayout(UInt128.Zero, balance, UInt128.Zero, true);
            return null;
        }
        if (state.Period != Period.Ended)
            return RoundsErrors.RoundNotClaimable.Wrap($"round {round.Id} is {state.Period} and its tally has not timed out (at {timeout})");
        var fee = balance * p.ProtocolFeePercent / 100;
        if (round.FeeRecipient.Length == 0) fee = UInt128.Zero;
        var rest = balance - fee;
        ulong penalty = 0;
        foreach (var r in GetDelayRecords(ctx, round.Id))
        {
            penalty += r.Type == DelayType.Tally ? 50UL : 5UL * Math.Min(r.Count, 100UL);
            if (penalty >= 100) { penalty = 100; break; }
        }
        var toOperator = rest / 100 * (100 - penalty) + rest % 100 * (100 - penalty) / 100;
        payout = new ClaimPayout(toOperator, rest - toOperator, fee, false);
        return null;
    }

    public SdkError? Claim(Context ctx, ulong roundId, out ClaimPayout payout)
    {
        payout = default;
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (RequireAmaci(round, "claim (a MACI round's escrow goes back to its admin through withdraw)") is { } ke) return ke;
        if (ComputePayout(ctx, round, state, out payout) is { } pe) return pe;
        var denom = GetParams(ctx).Denom;
        if (Pay(ctx, round.Operator, denom, payout.ToOperator) is { } e1) return e1;
        if (Pay(ctx, round.Admin, denom, payout.ToAdmin) is { } e2) return e2;
        if (Pay(ctx, round.FeeRecipient, denom, payout.ToFeeRecipient) is { } e3) return e3;
        state.Escrow = "0";
        state.Claimed = true;
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Claimed(round.Id, payout, denom));
        return null;
    }

    private SdkError? Pay(Context ctx, string recipient, string denom, UInt128 amount)
    {
        if (amount == UInt128.Zero) return null;
        if (Accounts.Codec.TryDecode(recipient, out var raw) is { } ae) throw new InvalidDataException($"stored recipient is invalid: {ae.Log}");
        return _bank.SendCoinsFromModuleToAccount(ctx, Keys.ModuleAccountName, raw, Coins.Of(new Coin(denom, amount)));
    }
}
