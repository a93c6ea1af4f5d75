using Maci.Crypto.Cosmos;
using Maci.Modules.Rounds.Keeper;
using Maci.Proto.Maci.Rounds.V1;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Rounds.Types;

/// <summary>
/// Defaults and checks of <see cref="Params"/>. Fees are Dora's "fees v2.2" token amounts (amaci-protocol §6.1) in
/// the chain denom umaci (1 MACI = 10^6 umaci): base 46, message 0.121, sign-up 0.048, deactivate 10; delays
/// base 200 s, message 2 s, sign-up 1 s, deactivate 600 s; 10 % protocol fee; 2-day tally timeout.
/// </summary>
public static class RoundsParams
{
    public const string DefaultDenom = "umaci";

    public static Params Default() => new()
    {
        Denom = DefaultDenom,
        DefaultFees = new FeeConfig { BaseFee = "46000000", MessageFee = "121000", SignupFee = "48000", DeactivateFee = "10000000" },
        DefaultDelays = new DelayConfig { BaseDelay = 200, MessageDelay = 2, SignupDelay = 1, DeactivateDelay = 600 },
        AllowGammaEqualDelta = false,
        ProtocolFeePercent = 10,
        TallyTimeoutSeconds = 172_800,
        FeeRecipient = "",
    };

    public static SdkError? Validate(Params p)
    {
        if (!Coin.IsValidDenom(p.Denom)) return RoundsErrors.InvalidParams.Wrap($"denom '{Fields.Clip(p.Denom)}' is invalid");
        if (p.DefaultFees is null) return RoundsErrors.InvalidParams.Wrap("default_fees is missing");
        foreach (var (name, value) in new[] { ("base_fee", p.DefaultFees.BaseFee), ("message_fee", p.DefaultFees.MessageFee),
                     ("signup_fee", p.DefaultFees.SignupFee), ("deactivate_fee", p.DefaultFees.DeactivateFee) })
            if (!Coin.TryParseAmount(value, out _)) return RoundsErrors.InvalidParams.Wrap($"{name} '{Fields.Clip(value)}' is not an amount");
        if (p.DefaultDelays is null) return RoundsErrors.InvalidParams.Wrap("default_delays is missing");
        if (p.ProtocolFeePercent > 100) return RoundsErrors.InvalidParams.Wrap("protocol_fee_percent must be at most 100");
        if (p.FeeRecipient.Length > 0 && !(Bech32.TryDecode(p.FeeRecipient, out _, out var recipient) && recipient.Length == CosmosAddress.Length))
            return RoundsErrors.InvalidParams.Wrap($"fee_recipient '{Fields.Clip(p.FeeRecipient)}' is not a bech32 account address");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in p.Circuits)
        {
            if (c.Size is null) return RoundsErrors.InvalidParams.Wrap("a circuit has no size");
            if (c.Kind == RoundKind.Unspecified) return RoundsErrors.InvalidParams.Wrap("a circuit has no round kind");
            if (CircuitSizes.Validate(c.Size) is { } e) return RoundsErrors.InvalidParams.Wrap(e);
            if (!seen.Add($"{c.Kind}/{CircuitSizes.Name(c.Size)}"))
                return RoundsErrors.InvalidParams.Wrap($"circuit {c.Kind} {CircuitSizes.Name(c.Size)} is listed twice");
            if (CircuitKeyCache.TryDecode(c, p.AllowGammaEqualDelta, out _) is { } ke) return RoundsErrors.InvalidParams.Wrap(ke);
        }
        return null;
    }
}
