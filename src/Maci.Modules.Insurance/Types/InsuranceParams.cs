using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Assets;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>Defaults and validation of <c>maci.insurance.v1.Params</c>.</summary>
public static class InsuranceParams
{
    public const uint BasisPoints = 10_000;

    /// <summary>Dora's hard tally timeout after voting end + tally delay: 2 days.</summary>
    public const ulong DefaultTallyTimeoutSeconds = 172_800;

    public static Params Default() => new()
    {
        Denom = "umaci",
        MinDeposit = "1000000",
        UnbondingPeriodSeconds = 21 * 24 * 3600,
        VotingPartBps = 5_000,
        DeactivateSlashBps = 500,
        LateTallySlashBps = 5_000,
        TallyTimeoutSeconds = DefaultTallyTimeoutSeconds,
    };

    public static SdkError? Validate(Params? p)
    {
        if (p is null) return InsuranceErrors.InvalidParams.Wrap("params are missing");
        if (!Coin.IsValidDenom(p.Denom)) return InsuranceErrors.InvalidParams.Wrap($"invalid denom '{Amounts.Clip(p.Denom)}'");
        if (!Coin.TryParseAmount(p.MinDeposit, out var min) || min == UInt128.Zero)
            return InsuranceErrors.InvalidParams.Wrap($"min_deposit '{Amounts.Clip(p.MinDeposit)}' must be a positive integer");
        if (p.UnbondingPeriodSeconds > long.MaxValue / 2)
            return InsuranceErrors.InvalidParams.Wrap("unbonding_period_seconds is too large");
        if (p.TallyTimeoutSeconds > long.MaxValue / 2)
            return InsuranceErrors.InvalidParams.Wrap("tally_timeout_seconds is too large");
        if (p.VotingPartBps > BasisPoints) return InsuranceErrors.InvalidParams.Wrap($"voting_part_bps {p.VotingPartBps} exceeds {BasisPoints}");
        if (p.DeactivateSlashBps > BasisPoints)
            return InsuranceErrors.InvalidParams.Wrap($"deactivate_slash_bps {p.DeactivateSlashBps} exceeds {BasisPoints}");
        if (p.LateTallySlashBps > BasisPoints)
            return InsuranceErrors.InvalidParams.Wrap($"late_tally_slash_bps {p.LateTallySlashBps} exceeds {BasisPoints}");
        return null;
    }
}
