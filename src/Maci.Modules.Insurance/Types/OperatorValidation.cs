using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>Stateless checks of operator metadata and insurance terms.</summary>
public static class OperatorValidation
{
    public const int MaxMonikerLength = 70;
    public const int MaxWebsiteLength = 140;
    public const int IdentityLength = 16;

    public static SdkError? Moniker(string moniker)
    {
        if (string.IsNullOrWhiteSpace(moniker)) return InsuranceErrors.InvalidMetadata.Wrap("moniker is empty");
        if (moniker.Length > MaxMonikerLength)
            return InsuranceErrors.InvalidMetadata.Wrap($"moniker is longer than {MaxMonikerLength} characters");
        if (moniker.Any(char.IsControl)) return InsuranceErrors.InvalidMetadata.Wrap("moniker contains control characters");
        return null;
    }

    public static SdkError? Website(string website)
    {
        if (website.Length > MaxWebsiteLength)
            return InsuranceErrors.InvalidMetadata.Wrap($"website is longer than {MaxWebsiteLength} characters");
        if (website.Any(char.IsControl)) return InsuranceErrors.InvalidMetadata.Wrap("website contains control characters");
        return null;
    }

    /// <summary>Empty, or a Keybase id: 16 uppercase hexadecimal characters (as Dora's registry requires).</summary>
    public static SdkError? Identity(string identity)
    {
        if (identity.Length == 0) return null;
        if (identity.Length != IdentityLength || !identity.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F'))
            return InsuranceErrors.InvalidMetadata.Wrap($"identity '{Amounts.Clip(identity)}' must be {IdentityLength} uppercase hex characters");
        return null;
    }

    public static SdkError? Terms(InsuranceTerms? terms)
    {
        if (terms is null) return InsuranceErrors.InvalidTerms.Wrap("terms are missing");
        if (LossRatio.TryCreate(terms.LossRatioNumerator, terms.LossRatioDenominator, out _) is { } err) return err;
        if (Amounts.TryParse(terms.MinPremium, "min_premium", out var min) is { } e1) return InsuranceErrors.InvalidTerms.Wrap(e1.Log);
        if (Amounts.TryParse(terms.MaxPremium, "max_premium", out var max) is { } e2) return InsuranceErrors.InvalidTerms.Wrap(e2.Log);
        if (max == UInt128.Zero) return InsuranceErrors.InvalidTerms.Wrap("max_premium must be positive");
        if (min > max) return InsuranceErrors.InvalidTerms.Wrap($"min_premium {min} is above max_premium {max}");
        return null;
    }
}
