using Maci.Sdk.Errors;

namespace Maci.Sdk.Gas;

/// <summary>
/// Counts gas deterministically. Going over the limit throws an <see cref="SdkException"/> with code 11
/// (out of gas); the tx runner catches it and reports the consumed amount.
/// </summary>
public sealed class GasMeter
{
    public const ulong Infinite = ulong.MaxValue;

    public GasMeter(ulong limit) => Limit = limit;

    public static GasMeter CreateInfinite() => new(Infinite);

    public ulong Limit { get; }

    public ulong Consumed { get; private set; }

    public bool IsInfinite => Limit == Infinite;

    public ulong Remaining => Consumed >= Limit ? 0 : Limit - Consumed;

    public void Consume(ulong amount, string descriptor)
    {
        var next = Consumed + amount;
        if (next < Consumed)
        {
            Consumed = ulong.MaxValue;
            throw new SdkException(SdkErrors.OutOfGas.Wrap($"gas overflow in location: {descriptor}"));
        }
        Consumed = next;
        if (Consumed > Limit)
            throw new SdkException(SdkErrors.OutOfGas.Wrap(
                $"out of gas in location: {descriptor}; gasWanted: {Limit}, gasUsed: {Consumed}"));
    }

    /// <summary>Gas used, capped at the limit (what a failed tx reports).</summary>
    public ulong ConsumedToLimit => Consumed > Limit ? Limit : Consumed;
}
