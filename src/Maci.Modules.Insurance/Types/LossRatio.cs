using Maci.Proto.Maci.Insurance.V1;
using Maci.Sdk.Errors;

namespace Maci.Modules.Insurance.Types;

/// <summary>
/// The exact rational premium/coverage ratio of a policy, 0 &lt; numerator/denominator ≤ 1. A premium p buys
/// coverage ⌊p·denominator/numerator⌋ and is allowed while p·denominator ≤ available·numerator.
/// </summary>
public readonly record struct LossRatio(ulong Numerator, ulong Denominator)
{
    public static SdkError? TryCreate(ulong numerator, ulong denominator, out LossRatio ratio)
    {
        ratio = default;
        if (numerator == 0) return InsuranceErrors.InvalidTerms.Wrap("loss ratio numerator must be positive");
        if (denominator == 0) return InsuranceErrors.InvalidTerms.Wrap("loss ratio denominator must be positive");
        if (numerator > denominator)
            return InsuranceErrors.InvalidTerms.Wrap($"loss ratio {numerator}/{denominator} is above 1");
        ratio = new LossRatio(numerator, denominator);
        return null;
    }

    public static LossRatio Of(InsuranceTerms terms) => new(terms.LossRatioNumerator, terms.LossRatioDenominator);

    /// <summary>premium / ratio, rounded down. Never overflows since ratio ≤ 1 only when the result fits.</summary>
    public UInt128 CoverageFor(UInt128 premium) => WideMath.MulDivFloor(premium, Denominator, Numerator);

    /// <summary>The largest premium whose coverage fits <paramref name="available"/>: ⌊available·ratio⌋.</summary>
    public UInt128 MaxPremiumFor(UInt128 available) => WideMath.MulDivFloor(available, Numerator, Denominator);

    /// <summary>premium ≤ available·ratio, compared exactly.</summary>
    public bool Allows(UInt128 premium, UInt128 available) =>
        WideMath.CompareProducts(premium, Denominator, available, Numerator) <= 0;

    public override string ToString() => $"{Numerator}/{Denominator}";
}
