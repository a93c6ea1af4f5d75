using Maci.Modules.Rounds.Types;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Modules.Rounds.Keeper;

public sealed partial class RoundsKeeper
{
    /// <summary>MACI rounds (Dora's Bond): adds funds to the round's escrow, any time, anyone.</summary>
    public SdkError? Bond(Context ctx, byte[] sender, ulong roundId, ProtoCoin? amount)
    {
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (round.Kind != RoundKind.Maci) return RoundsErrors.WrongRoundKind.Wrap("bond needs a MACI round");
        if (PositiveAmount(ctx, amount, out var value) is { } ae) return ae;
        if (Escrow(ctx, sender, GetParams(ctx).Denom, value, state) is { } be) return be;
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Simple("bond", round.Id));
        return null;
    }

    /// <summary>MACI rounds (Dora's Withdraw): once Ended, anyone may pay (part of) the escrow out to the admin.</summary>
    public SdkError? Withdraw(Context ctx, ulong roundId, ProtoCoin? amount)
    {
        if (Load(ctx, roundId, out var round, out var state) is { } e) return e;
        if (round.Kind != RoundKind.Maci) return RoundsErrors.WrongRoundKind.Wrap("withdraw needs a MACI round (aMACI rounds claim)");
        if (RequirePeriod(round, state, Period.Ended, "withdraw") is { } pe) return pe;
        var escrow = Amount(state.Escrow);
        var value = escrow;
        if (amount is not null && PositiveAmount(ctx, amount, out value) is { } ae) return ae;
        if (value == UInt128.Zero || value > escrow) return RoundsErrors.NothingToClaim.Wrap($"escrow holds {escrow}, asked {value}");
        if (Pay(ctx, round.Admin, GetParams(ctx).Denom, value) is { } be) return be;
        state.Escrow = (escrow - value).ToString();
        SetRoundState(ctx, round.Id, state);
        ctx.Events.Emit(RoundsEvents.Simple("withdraw", round.Id));
        return null;
    }

    private SdkError? PositiveAmount(Context ctx, ProtoCoin? coin, out UInt128 value)
    {
        value = UInt128.Zero;
        var denom = GetParams(ctx).Denom;
        if (coin is null || coin.Denom != denom) return RoundsErrors.InvalidAmount.Wrap($"amount must be a coin of {denom}");
        if (!Coin.TryParseAmount(coin.Amount, out value) || value == UInt128.Zero)
            return RoundsErrors.InvalidAmount.Wrap($"amount '{Fields.Clip(coin.Amount)}' must be a positive integer");
        return null;
    }

    /// <summary>
    /// Whether a sign-up would pass the registration check now (Dora's QueryRegistrationStatus): static whitelist by
    /// sender, oracle by pubkey + certificate (+ amount); pre-populated rounds never take sign-ups.
    /// </summary>
    public SdkError? RegistrationStatus(Context ctx, QueryRegistrationStatusRequest req, out QueryRegistrationStatusResponse resp)
    {
        resp = new QueryRegistrationStatusResponse { VoiceCreditAmount = "0" };
        if (Load(ctx, req.RoundId, out var round, out _) is { } e) return e;
        switch (round.RegistrationMode.ModeCase)
        {
            case RegistrationMode.ModeOneofCase.StaticWhitelist:
                if (Accounts.Codec.TryDecode(req.Sender, out var sender) is { } ae) return ae;
                resp.IsRegistered = Store(ctx).Has(Keys.WhitelistUsed(round.Id, sender));
                break;
            case RegistrationMode.ModeOneofCase.Oracle:
                if (Fields.TryParsePoint(req.Pubkey, "pubkey", out var key) is { } pe) return pe;
                resp.IsRegistered = GetSignUpIndex(ctx, round.Id, key) is not null;
                break;
            default:
                return null;
        }
        var sender2 = req.Sender.Length > 0 && Accounts.Codec.TryDecode(req.Sender, out var raw) is null ? raw : [];
        var point = Fields.TryParsePoint(req.Pubkey, "pubkey", out var pk) is null ? pk : default;
        if (!resp.IsRegistered && Registration(ctx, round, sender2, point, req.Certificate.Span, req.Amount, out var balance, out _) is null)
        {
            resp.CanSignUp = balance != UInt128.Zero;
            resp.VoiceCreditAmount = balance.ToString();
        }
        return null;
    }
}
