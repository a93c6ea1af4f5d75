using Maci.Sdk.Assets;
using Maci.Sdk.Errors;
using ProtoCoin = Maci.Proto.Cosmos.Base.V1Beta1.Coin;

namespace Maci.Modules.Insurance.Types;

/// <summary>Amount fields of the module's records (decimal strings) and coins of the deposit denom.</summary>
public static class Amounts
{
    /// <summary>Reads an amount stored by this module; an unreadable one is state corruption, not user input.</summary>
    public static UInt128 Read(string stored) =>
        stored.Length == 0 ? UInt128.Zero
        : Coin.TryParseAmount(stored, out var v) ? v
        : throw new InvalidDataException($"corrupt amount '{stored}' in insurance state");

    public static string Write(UInt128 amount) => amount.ToString();

    /// <summary>Parses a user-supplied amount string (digits only): invalid-amount error otherwise.</summary>
    public static SdkError? TryParse(string? text, string field, out UInt128 amount)
    {
        amount = UInt128.Zero;
        if (string.IsNullOrEmpty(text)) return InsuranceErrors.InvalidAmount.Wrap($"{field} is empty");
        if (!Coin.TryParseAmount(text, out amount))
            return InsuranceErrors.InvalidAmount.Wrap($"{field} '{Clip(text)}' is not a non-negative integer");
        return null;
    }

    /// <summary>A message coin: present, of <paramref name="denom"/> and strictly positive.</summary>
    public static SdkError? TryPositiveCoin(ProtoCoin? coin, string denom, string field, out UInt128 amount)
    {
        amount = UInt128.Zero;
        if (coin is null) return InsuranceErrors.InvalidAmount.Wrap($"{field} is missing");
        if (coin.Denom != denom) return InsuranceErrors.InvalidAmount.Wrap($"{field} must be in {denom}, got '{Clip(coin.Denom)}'");
        if (TryParse(coin.Amount, field, out amount) is { } err) return err;
        if (amount == UInt128.Zero) return InsuranceErrors.InvalidAmount.Wrap($"{field} must be positive");
        return null;
    }

    public static Coins CoinsOf(string denom, UInt128 amount) =>
        amount == UInt128.Zero ? Coins.Empty : Coins.Of(new Coin(denom, amount));

    public static string Show(UInt128 amount, string denom) => $"{amount}{denom}";

    public static string Clip(string s) => s.Length <= 64 ? s : s[..64] + "…";
}
